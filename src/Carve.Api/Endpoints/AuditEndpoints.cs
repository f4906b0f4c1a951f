using Carve.Core.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", (string? user, DateTimeOffset? since, int? limit, AuditLog log) =>
                TypedResults.Ok(log.List(string.IsNullOrEmpty(user) ? null : user, since, ListLimit.Of(limit, AuditLog.MaxListed, AuditLog.MaxListed))))
            .WithTags("Audit")
            .WithSummary($"State changes, newest first: of one user (a user name, token:NAME or root@local) and since a time when given; at most {AuditLog.MaxListed}")
            .Problems();
}
