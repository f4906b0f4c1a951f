using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Contracts.Transfer;
using Carve.Core.Configuration;
using Carve.Core.Guests;

namespace Carve.Core.State;

/// <summary>
/// Compile-time JSON metadata for what Core stores in files and the database (guest configs, export metadata) and
/// reads from the config file; carved is Native AOT, so nothing is serialized by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GuestConfig))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(ExportView))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
