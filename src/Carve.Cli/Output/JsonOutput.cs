using System.Text.Json;
using Carve.Contracts;

namespace Carve.Cli.Output;

/// <summary>-o json: the API's records in the wire dialect, indented.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new(CarveJson.Options) { WriteIndented = true };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Indented));
}
