using Carve.Api.Auth;
using Carve.Contracts.Networks;
using Carve.Core.Networks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/networks: NAT and bridge networks for guest NICs.</summary>
public static class NetworkEndpoints
{
    public static void MapNetworkEndpoints(this IEndpointRouteBuilder api)
    {
        var networks = api.MapGroup("/networks").WithTags("Networks");
        networks.MapGet("", (NetworkService service, HttpContext http) => TypedResults.Ok(service.List(http.GuestFilter())))
            .WithSummary("Networks with their users and DHCP leases (for a caller limited to some guests, only theirs)");
        networks.MapGet("/{name}", (string name, NetworkService service, HttpContext http) => TypedResults.Ok(service.Show(name, http.GuestFilter())))
            .WithSummary("One network with its users and DHCP leases (for a caller limited to some guests, only theirs)").Problems();
        networks.MapPost("", (CreateNetworkRequest body, HttpContext http, NetworkService service) =>
                Accepted.Task(service.Create(new CreateNetworkCommand(body, http.Caller().User))))
            .WithSummary("Create a NAT network or create/adopt a bridge (a task)").Problems();
        networks.MapDelete("/{name}", (string name, HttpContext http, NetworkService service) =>
                Accepted.Task(service.Delete(new DeleteNetworkCommand(name, http.Caller().User))))
            .WithSummary("Delete a network no guest uses (a task)").Problems();
    }
}
