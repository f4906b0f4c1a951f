using System.Text.Json.Nodes;
using Carve.Api.OpenApi;

namespace Carve.Api.Tests.Support;

/// <summary>
/// The OpenAPI document carved serves, read from where it is compiled in (OpenApiDocumentFileTests checks that it is
/// what the endpoints generate), without a server: theories enumerate its operations when they are discovered.
/// </summary>
public static class ServedOpenApi
{
    private static readonly string[] Methods = ["get", "put", "post", "patch", "delete"];

    public static JsonObject Document { get; } = Load();

    public static IReadOnlyList<ApiOperation> Operations { get; } =
        [.. Document["paths"]!.AsObject().SelectMany(path => Methods
            .Where(m => path.Value![m] is not null)
            .Select(m => new ApiOperation(m.ToUpperInvariant(), path.Key, path.Value![m]!.AsObject())))];

    public static ApiOperation Find(string method, string template) =>
        Operations.Single(o => o.Method == method && o.Template == template);

    /// <summary>(method, path) rows for a theory, one per operation that <paramref name="include"/> keeps.</summary>
    public static TheoryData<string, string> Rows(Func<ApiOperation, bool> include)
    {
        var rows = new TheoryData<string, string>();
        foreach (var operation in Operations.Where(include))
            rows.Add(operation.Method, operation.Template);
        return rows;
    }

    /// <summary>Follows a "$ref" to its schema under components.</summary>
    public static JsonObject Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference
            ? Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject()
            : schema.AsObject();

    /// <summary>The one non-null type of a schema: "integer" for ["null", "integer"], the first choice of a oneOf.</summary>
    public static string TypeOf(JsonNode schema)
    {
        var resolved = Resolve(schema);
        if (resolved["oneOf"] is JsonArray choices)
            return TypeOf(choices.First(c => (string?)c!["type"] != "null")!);
        return resolved["type"] switch
        {
            JsonArray types => types.Select(t => (string)t!).First(t => t != "null"),
            JsonValue type => (string)type!,
            _ => "object",
        };
    }

    private static JsonObject Load()
    {
        using var stream = typeof(OpenApiDocumentEndpoint).Assembly.GetManifestResourceStream("Carve.Api.openapi.json")
            ?? throw new InvalidOperationException("the OpenAPI document is not compiled into Carve.Api");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
