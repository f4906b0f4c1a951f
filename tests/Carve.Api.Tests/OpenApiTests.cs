using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Tests;

public sealed class OpenApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string DocumentPath = "/api/v1/openapi.json";

    private CarveServer Server => fixture.Server;

    /// <summary>(path, method) of every endpoint the app maps under /api/v1, the document itself aside.</summary>
    private IReadOnlyList<(string Path, string Method)> MappedRoutes() =>
        ((IEndpointRouteBuilder)Server.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/v1/", StringComparison.Ordinal) && e.Path != DocumentPath)
            .SelectMany(e => e.Methods.Select(m => (e.Path, m.ToLowerInvariant())))
            .Distinct()
            .ToList();

    private async Task<JsonNode> Document()
    {
        // Served over TCP with no token at all: the document is public.
        using var response = await Server.Https().GetAsync(DocumentPath);
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await Rest.ReadJson(response);
    }

    [Fact]
    public async Task The_document_is_public_json()
    {
        var document = await Document();
        Assert.StartsWith("3.", (string?)document["openapi"]);
        Assert.NotNull(document["paths"]);
    }

    [Fact]
    public async Task Every_mapped_route_and_method_is_in_the_document()
    {
        var routes = MappedRoutes();
        // A sanity floor, so that a broken enumeration cannot pass by finding nothing.
        Assert.True(routes.Count >= 20, $"only {routes.Count} routes found");
        Assert.Contains(("/api/v1/vms", "post"), routes);

        var paths = (await Document())["paths"]!.AsObject();
        var missing = routes
            .Where(r => paths[r.Path] is not JsonObject item || item[r.Method] is null)
            .Select(r => $"{r.Method.ToUpperInvariant()} {r.Path}")
            .ToList();
        Assert.True(missing.Count == 0, "missing from the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_document_names_no_path_that_is_not_mapped()
    {
        var mapped = MappedRoutes().Select(r => r.Path).ToHashSet();
        var documented = (await Document())["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(documented, p => Assert.Contains(p, mapped));
    }
}
