using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Qemu.Guests;

namespace Carve.Qemu;

/// <summary>The QEMU driver's stored JSON (a VM's own settings, the accel file), generated at compile time for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VmSpec))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class QemuJsonContext : JsonSerializerContext;
