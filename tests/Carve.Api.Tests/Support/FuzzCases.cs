using System.Text;
using System.Text.Json.Nodes;

namespace Carve.Api.Tests.Support;

/// <summary>
/// The bad inputs the fuzz tests send, made for each operation from what the OpenAPI document says it takes: its
/// request body's schema, its path parameters and its typed query parameters. Every case is invalid input, so every
/// answer must be a 4xx; none is valid enough to start real work on the host.
/// </summary>
public static class FuzzCases
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private const int DeepNesting = 10_000;

    private static readonly (string Name, string Value)[] Strings =
    [
        ("NUL", "a\0b"), ("newlines", "a\nb\r\nc"), ("right-to-left override", "\u202Eexe.txt"),
        ("emoji and non-Latin", "😀 ünï 中文"), ("path traversal", "../../../etc/passwd"), ("lone surrogate", "\uD800"),
    ];

    private static readonly (string Name, string Json)[] Numbers =
    [
        ("-1", "-1"), ("int.MaxValue+1", "2147483648"), ("1e309", "1e309"), ("long.MinValue-1", "-9223372036854775809"), ("fraction", "0.5"),
    ];

    /// <summary>Sent as they are: the client leaves percent escapes alone (it does fold a literal "..").</summary>
    private static readonly (string Name, string Value)[] PathTricks =
    [
        ("..", ".."), ("%2e%2e", "%2e%2e"), ("encoded traversal", "..%2F..%2Fetc%2Fpasswd"), ("NUL", "%00"), ("NUL inside", "a%00b"),
        ("newline", "a%0Ab"), ("invalid UTF-8", "%C0%AE%FF"), ("300 characters", new string('a', 300)), ("10,000 characters", new string('a', 10_000)),
    ];

    private static readonly Dictionary<string, string[]> QueryValues = new()
    {
        ["integer"] = ["-1", "2147483648", "1e309", "abc"],
        ["boolean"] = ["abc", "2"],
        // Free-text filters (a task's guest): any text is valid input there, so they get no case.
    };

    /// <param name="existing">Values of path parameters that name things which exist, so that the other inputs reach
    /// validation instead of a 404; a parameter without one gets "none".</param>
    public static IReadOnlyList<FuzzCase> For(ApiOperation operation, IReadOnlyDictionary<string, string> existing)
    {
        string Plausible(string parameter) => existing.GetValueOrDefault(parameter, "none");
        return [.. BodyCases(operation, Plausible), .. PathCases(operation, Plausible), .. QueryCases(operation, Plausible)];
    }

    private static IEnumerable<FuzzCase> BodyCases(ApiOperation operation, Func<string, string> plausible)
    {
        if (operation.RequestSchema is not { } schema)
            yield break;
        var path = operation.PathWith(plausible);
        FuzzCase Json(string name, Func<string> text) => new(name, path, () => Rest.RawJson(text()));
        yield return Json("malformed JSON", () => """{"name": """);
        if (operation.BodyRequired)
            yield return new FuzzCase("missing body", path, () => null);
        yield return new FuzzCase("not JSON content type", path, () => new StringContent("{}", Encoding.UTF8, "text/plain"));
        foreach (var (name, json) in new[] { ("array", "[]"), ("string", "\"text\""), ("number", "42"), ("boolean", "true") })
            yield return Json($"wrong type: {name}", () => json);
        yield return Json("oversized 10 MB", () => Oversized(schema));
        yield return Json("deep arrays", () => new string('[', DeepNesting) + new string(']', DeepNesting));
        yield return Json("deep objects", () => string.Concat(Enumerable.Repeat("""{"a":""", DeepNesting)) + "1" + new string('}', DeepNesting));
        if (SchemaSample.Has(schema, "string"))
        {
            foreach (var (name, value) in Strings)
                yield return Json($"strings: {name}", () => new SchemaSample(value, "0").Build(schema));
        }
        if (SchemaSample.Has(schema, "number"))
        {
            foreach (var (name, json) in Numbers)
                yield return Json($"numbers: {name}", () => new SchemaSample("fuzz", json).Build(schema));
        }
    }

    /// <summary>A path parameter at a time; the body, where one is required, is one that binds, so the path is what is judged.</summary>
    private static IEnumerable<FuzzCase> PathCases(ApiOperation operation, Func<string, string> plausible)
    {
        Func<HttpContent?> body = operation.RequestSchema is { } schema && operation.BodyRequired
            ? () => Rest.RawJson(new SchemaSample("fuzz", "-1").Build(schema))
            : () => null;
        foreach (var parameter in operation.PathParameters)
        {
            foreach (var (name, value) in PathTricks)
            {
                var path = operation.PathWith(p => p == parameter ? value : plausible(p));
                yield return new FuzzCase($"path {parameter}: {name}", path, body, value is ".." or "%2e%2e" ? Folded(path) : null);
            }
        }
    }

    private static IEnumerable<FuzzCase> QueryCases(ApiOperation operation, Func<string, string> plausible)
    {
        var path = operation.PathWith(plausible);
        foreach (var (parameter, type) in operation.QueryParameters)
        {
            foreach (var value in QueryValues.GetValueOrDefault(type) ?? [])
                yield return new FuzzCase($"query {parameter}={value}", $"{path}?{parameter}={value}", () => null);
        }
    }

    private static string Folded(string path) =>
        new Uri(new Uri("http://carved"), path.Replace("%2e%2e", "..", StringComparison.Ordinal)).AbsolutePath;

    /// <summary>The schema's shape with 10 MB in its first string field (or in an extra one).</summary>
    private static string Oversized(JsonNode schema)
    {
        var body = JsonNode.Parse(new SchemaSample("x", "1").Build(schema)) as JsonObject ?? [];
        body[SchemaSample.StringFields(schema).FirstOrDefault() ?? "padding"] = new string('a', TenMegabytes);
        return body.ToJsonString();
    }
}
