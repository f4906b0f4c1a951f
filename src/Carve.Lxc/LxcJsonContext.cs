using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Lxc.Guests;
using Carve.Lxc.Templates;

namespace Carve.Lxc;

/// <summary>The LXC driver's stored JSON (a container's own settings, exports' carve-ct.json, template metadata), generated at compile time for Native AOT.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(CtSpec))]
[JsonSerializable(typeof(CtArchiveConfig))]
[JsonSerializable(typeof(TemplateMetadata))]
internal sealed partial class LxcJsonContext : JsonSerializerContext;
