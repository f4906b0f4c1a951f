using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Carve.Contracts;

namespace Carve.Cli.Output;

/// <summary>-o json: the API's records in the wire dialect, indented.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = Freeze(new JsonSerializerOptions(CarveJson.Options) { WriteIndented = true });

    public static void Write<T>(TextWriter output, T value) =>
        output.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Indented.GetTypeInfo(typeof(T))));

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }
}
