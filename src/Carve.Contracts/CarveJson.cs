using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Carve.Contracts;

/// <summary>
/// The one JSON dialect spoken on the wire: camelCase, and unknown fields are an error. Every type comes from the
/// source-generated <see cref="CarveJsonContext"/>, never from reflection: the CLI and the daemon are Native AOT. That
/// generator builds a record with init-only properties through one object initializer and so drops their default
/// values (dotnet/runtime#84484): wire properties that have a default are therefore <c>{ get; set; }</c>.
/// </summary>
public static class CarveJson
{
    /// <summary>For reading what the daemon sends: tolerant of fields a newer daemon adds.</summary>
    public static JsonSerializerOptions Options { get; } = Frozen(strict: false);

    /// <summary>For reading request bodies: an unknown field is a 400, not silently ignored.</summary>
    public static JsonSerializerOptions Strict { get; } = Frozen(strict: true);

    /// <summary>The metadata of <typeparamref name="T"/> under <see cref="Options"/>, for the serializer's AOT-safe overloads.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>The same under <see cref="Strict"/>.</summary>
    public static JsonTypeInfo<T> StrictTypeInfo<T>() => (JsonTypeInfo<T>)Strict.GetTypeInfo(typeof(T));

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
        // First in the chain: ASP.NET keeps its own resolvers (problem details) behind it.
        options.TypeInfoResolverChain.Insert(0, strict ? CarveJsonContext.Default.WithAddedModifier(RefuseNullInSetters) : CarveJsonContext.Default);
        return options;
    }

    /// <summary>
    /// RespectNullableAnnotations, enforced in the setters too. System.Text.Json checks it when it reads a whole buffer
    /// but not when it reads a stream or a pipe (10.0: a settable <c>"disks": null</c> got through), and ASP.NET reads
    /// request bodies from a pipe.
    /// </summary>
    private static void RefuseNullInSetters(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not { } set || property.IsSetNullable || property.PropertyType.IsValueType)
                continue;
            var name = property.Name;
            property.Set = (target, value) =>
            {
                if (value is null)
                    throw new JsonException($"The property '{name}' on type '{typeInfo.Type}' does not allow null values.");
                set(target, value);
            };
        }
    }

    private static JsonSerializerOptions Frozen(bool strict)
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web), strict);
        options.MakeReadOnly();
        return options;
    }
}
