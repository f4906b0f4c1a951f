using Carve.Api.Auth;
using Carve.Core.Boot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>
/// All guests at once, as at a host boot or shutdown (admin only: it reaches every guest). carved runs the same two
/// sequences by itself when the host boots and when it goes down.
/// </summary>
public static class HostPowerEndpoints
{
    public static void MapHostPowerEndpoints(this IEndpointRouteBuilder api)
    {
        var host = api.MapGroup("/host").WithTags("Host");
        host.MapPost("/start-guests", (HostPower power, HttpContext http) => Accepted.Task(power.SubmitStart(http.Caller().User)))
            .WithSummary("Start the onboot guests in their start order, waiting each one's upSeconds, as at a host boot");
        host.MapPost("/stop-guests", (HostPower power, HttpContext http) => Accepted.Task(power.SubmitStop(http.Caller().User)))
            .WithSummary("Shut every running guest down in reverse start order, each within its downSeconds, as at a host shutdown");
    }
}
