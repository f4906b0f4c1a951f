using System.Text.Json.Nodes;

namespace Carve.Api.Tests.Support;

/// <summary>
/// A request body shaped like a schema of the OpenAPI document: every field present, each string, number and boolean
/// set to the one value given, arrays with one item. Numbers are raw JSON text, so that 1e309 stays what was written.
/// </summary>
public sealed record SchemaSample(string Text, string NumberJson, bool Flag = false)
{
    private const int MaxDepth = 6;

    public string Build(JsonNode schema) => Node(schema, 0)?.ToJsonString() ?? "null";

    /// <summary>Whether the schema has a field of this type anywhere (numeric cases need a number to put in).</summary>
    public static bool Has(JsonNode schema, string type, int depth = 0)
    {
        var resolved = ServedOpenApi.Resolve(schema);
        var own = ServedOpenApi.TypeOf(resolved);
        if (own == type || (type == "number" && own == "integer"))
            return true;
        if (depth >= MaxDepth)
            return false;
        return own switch
        {
            "object" => Properties(resolved).Any(p => Has(p.Value!, type, depth + 1)),
            "array" => resolved["items"] is { } items && Has(items, type, depth + 1),
            _ => false,
        };
    }

    /// <summary>The top-level string fields, where the oversized body puts its bulk.</summary>
    public static IEnumerable<string> StringFields(JsonNode schema) =>
        Properties(ServedOpenApi.Resolve(schema)).Where(p => ServedOpenApi.TypeOf(p.Value!) == "string").Select(p => p.Key);

    private JsonNode? Node(JsonNode schema, int depth)
    {
        var resolved = ServedOpenApi.Resolve(schema);
        return ServedOpenApi.TypeOf(resolved) switch
        {
            "string" => JsonValue.Create(Text),
            "integer" or "number" => JsonNode.Parse(NumberJson),
            "boolean" => JsonValue.Create(Flag),
            "array" when depth < MaxDepth && resolved["items"] is { } items => new JsonArray(Node(items, depth + 1)),
            "array" => new JsonArray(),
            _ when depth < MaxDepth => new JsonObject(Properties(resolved).Select(p => KeyValuePair.Create(p.Key, Node(p.Value!, depth + 1)))),
            _ => new JsonObject(),
        };
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(JsonObject schema)
    {
        if (schema["oneOf"] is JsonArray choices)
            schema = ServedOpenApi.Resolve(choices.First(c => (string?)c!["type"] != "null")!);
        return schema["properties"]?.AsObject() ?? [];
    }
}
