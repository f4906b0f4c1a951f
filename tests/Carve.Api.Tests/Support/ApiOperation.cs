using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Carve.Api.Tests.Support;

/// <summary>One method of one path in the OpenAPI document, with what tests need to call it.</summary>
public sealed partial record ApiOperation(string Method, string Template, JsonObject Spec)
{
    public HttpMethod HttpMethod => new(Method);

    /// <summary>As the auth layer sees it: anything but GET may change state.</summary>
    public bool ChangesState => Method != "GET";

    /// <summary>The document marks console WebSockets only in their summaries: a GET that upgrades has no other shape.</summary>
    public bool IsWebSocket => Method == "GET" && ((string?)Spec["summary"])?.Contains("WebSocket", StringComparison.Ordinal) == true;

    public IReadOnlyList<string> PathParameters => [.. PathParameter().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>The query parameters with the schema type each declares (integer, boolean, string).</summary>
    public IReadOnlyList<(string Name, string Type)> QueryParameters =>
        [.. (Spec["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query")
            .Select(p => ((string)p!["name"]!, ServedOpenApi.TypeOf(p["schema"]!)))];

    public JsonNode? RequestSchema => Spec["requestBody"]?["content"]?["application/json"]?["schema"];

    /// <summary>An optional body (an export's) may be left out or be null: that is valid input, not a bad one.</summary>
    public bool BodyRequired => (bool?)Spec["requestBody"]?["required"] == true;

    /// <summary>The path with each {parameter} replaced as given, inserted as is: the caller decides the escaping.</summary>
    public string PathWith(Func<string, string> valueOf) =>
        PathParameter().Replace(Template, m => valueOf(m.Groups[1].Value));

    public override string ToString() => $"{Method} {Template}";

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();
}
