using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Carve.Contracts;

/// <summary>The one JSON dialect spoken on the wire: camelCase, and unknown fields are an error.</summary>
public static class CarveJson
{
    /// <summary>For reading what the daemon sends: tolerant of fields a newer daemon adds.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web), strict: false);

    /// <summary>For reading request bodies: an unknown field is a 400, not silently ignored.</summary>
    public static JsonSerializerOptions Strict { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web), strict: true);

    public static JsonSerializerOptions Configure(JsonSerializerOptions options, bool strict)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        // Served as JSON only, never inlined into HTML: no need to escape quotes into \u0027.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.RespectRequiredConstructorParameters = true;
        // A null where the contract has no '?' is the caller's mistake (400), not a crash deeper in.
        options.RespectNullableAnnotations = strict;
        // The wire records' metadata comes from the source generator (no reflection at start-up, which a CLI run pays
        // on every command); any other type still works through reflection.
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(CarveJsonContextResolver.Instance, new DefaultJsonTypeInfoResolver());
        return options;
    }
}
