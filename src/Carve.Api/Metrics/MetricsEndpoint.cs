using Carve.Api.Auth;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Metrics;

/// <summary>
/// GET /metrics, the Prometheus text format (outside /api/v1 and its OpenAPI document, as scrapers expect it). It
/// names every guest, so it needs a caller that may see every guest: any role's token or session, or nobody at all
/// with `metrics: {public: true}`.
/// </summary>
public static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void MapCarveMetrics(this IEndpointRouteBuilder app, MetricsOptions options)
    {
        var endpoint = app.MapGet("/metrics", async (HttpContext http, PrometheusExporter exporter) =>
            {
                if (!options.Public && http.Caller().Guests is not null)
                    throw new ForbiddenException($"{http.Caller().User} is limited to some guests, and the metrics name every guest.");
                http.Response.ContentType = ContentType;
                await exporter.WriteAsync(http.Response.Body, http.RequestAborted);
            })
            .ExcludeFromDescription();
        if (options.Public)
            endpoint.AllowAnonymous();
        else
            endpoint.RequireAuthorization(CarvePolicies.Api);
    }

    /// <summary>Times every request, labelled by its route pattern (never its path, which would grow without bound).</summary>
    public static void UseRequestMetrics(this WebApplication app)
    {
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();
        app.Use(async (http, next) =>
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                exporter.ObserveRequest(http.Request.Method, route, http.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(start));
            }
        });
    }
}
