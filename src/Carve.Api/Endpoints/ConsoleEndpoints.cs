using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Vms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

public static class ConsoleEndpoints
{
    public static void MapConsoleEndpoints(this IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("Consoles");
        vms.MapGet("/{ref}/console/log", async (string @ref, VmService service, DriverRegistry drivers, CancellationToken ct) =>
            {
                var guest = service.Vm(@ref);
                return TypedResults.Bytes(await drivers.Instance(guest.Kind).ReadConsoleLogAsync(guest, ct), "text/plain; charset=utf-8");
            })
            .WithSummary("What the VM has written to its serial port so far (bounded, kept across restarts)").Problems();
        vms.MapGet("/{ref}/console", async (string @ref, HttpContext http, VmService service, DriverRegistry drivers, CancellationToken ct) =>
            {
                if (!http.WebSockets.IsWebSocketRequest)
                    throw new BadRequestException("The console is a WebSocket: connect with an Upgrade request.");
                OriginCheck.Require(http);
                var guest = service.Vm(@ref);
                await using var console = await drivers.Instance(guest.Kind).AttachConsoleAsync(guest, ct);
                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                await ConsoleBridge.PumpAsync(socket, console, ct);
            })
            .WithSummary("The VM's serial console as a WebSocket of raw bytes").Problems();
    }
}
