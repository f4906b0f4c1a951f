using System.Text.Json;
using System.Text.Json.Serialization;

namespace Carve.Core.Configuration;

/// <summary>
/// The config file's dialect, generated at compile time: unknown keys are an error so that typos do not pass silently,
/// comments and trailing commas are fine, and "pools": null is refused rather than left where every reader expects a list.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CarveOptions))]
internal sealed partial class ConfigFileJsonContext : JsonSerializerContext;
