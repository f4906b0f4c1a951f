using Carve.Api.Auth;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class GuestEndpoints
{
    public static void MapGuestEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/guests", (GuestQueries q, HttpContext http) => TypedResults.Ok(http.Visible(q.ListAll(), g => g.Name)))
            .WithTags("Guests").WithSummary("List every guest, VMs and containers, with its state");
}
