using Carve.Core.HostInfo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class HostEndpoints
{
    public static void MapHostEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/host", (HostInspector host) => TypedResults.Ok(host.Describe()))
            .WithTags("Host").WithSummary("CPU, memory, QEMU version, KVM usability and storage pools");
}
