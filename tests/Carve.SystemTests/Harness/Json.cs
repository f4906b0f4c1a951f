using System.Text.Json;

namespace Carve.SystemTests.Harness;

public static class Json
{
    /// <summary>Parses `carve ... -o json` output.</summary>
    public static JsonElement Parse(CommandResult result)
    {
        result.EnsureSuccess();
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }
}
