using Carve.Api.Auth;
using Carve.Api.Errors;
using Carve.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api;

public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddCarveApi(this IServiceCollection services)
    {
        // Unknown fields and malformed JSON are the caller's mistake: reject them rather than guess.
        services.Configure<JsonOptions>(o => CarveJson.Configure(o.SerializerOptions, strict: true));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddSingleton<Metrics.PrometheusExporter>();
        services.AddCarveAuth();
        return services;
    }

    /// <summary>
    /// The OpenAPI generator, which builds the document from the endpoints' metadata. carved does not run it: it serves
    /// web/openapi.json, compiled in (see <see cref="OpenApi.OpenApiDocumentEndpoint"/>). The build and the tests run
    /// it and fail when that file is not what it generates, so the served document always covers every endpoint.
    /// </summary>
    public static IServiceCollection AddCarveOpenApiGenerator(this IServiceCollection services)
    {
        // The title would otherwise be the host process's name (carved, testhost, ...): one document wherever it is served.
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Carve API";
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(OpenApi.GuestKindSchema.TransformAsync);
        });
        return services;
    }
}
