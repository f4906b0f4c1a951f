using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.OpenApi;

/// <summary>
/// The API's OpenAPI document. carved serves web/openapi.json as compiled into this assembly rather than generating
/// it: the generator (Microsoft.AspNetCore.OpenApi) is then not linked into the Native AOT daemon, which idles 1.7 MiB
/// smaller for it (docs/benchmarks.md, "Native AOT"). The generator still runs in ./build.sh and in the tests, which
/// fail when the file is not what it generates from the endpoints.
/// </summary>
public static class OpenApiDocumentEndpoint
{
    public const string ServedPath = "/api/v1/openapi.json";

    /// <summary>Where <see cref="MapCarveOpenApiGenerator"/> serves the generated document: outside /api/v1, and only in the build's tool and the tests.</summary>
    public const string GeneratedPath = "/openapi/v1.json";

    private const string ResourceName = "Carve.Api.openapi.json";

    /// <summary>The compiled-in document, public like Proxmox's API viewer: it holds no data, only the API's shape.</summary>
    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder app) =>
        app.MapGet(ServedPath, () => Results.Stream(OpenDocument(), "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();

    public static IEndpointConventionBuilder MapCarveOpenApiGenerator(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(GeneratedPath).AllowAnonymous();

    private static Stream OpenDocument() =>
        typeof(OpenApiDocumentEndpoint).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"{ResourceName} is not compiled into {typeof(OpenApiDocumentEndpoint).Assembly.GetName().Name}.");
}
