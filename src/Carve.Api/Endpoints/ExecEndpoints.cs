using System.Text.Json;
using Carve.Api.Consoles;
using Carve.Contracts;
using Carve.Contracts.Consoles;
using Carve.Contracts.Containers;
using Carve.Core.Consoles;
using Carve.Core.Containers;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>GET /api/v1/cts/{ref}/exec: a command in a container, streamed over a WebSocket (see <see cref="ExecStart"/>).</summary>
public static class ExecEndpoints
{
    public static void MapExecEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/cts/{ref}/exec", async (string @ref, HttpContext http, CtService service, DriverRegistry drivers, ConsoleTicketService tickets, CancellationToken ct) =>
            {
                var guest = service.Ct(@ref);
                ConsoleGate.Admit(http, tickets, guest, ConsoleChannels.Exec);
                var driver = drivers.Instance(guest.Kind);
                if (!driver.Inspect(guest).IsRunning)
                    throw new ConflictException($"{guest.Describe()} is not running.");
                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                var start = await ExecBridge.ReadStartAsync(socket, ct);
                if (start is null)
                    return;
                await using var process = await driver.ExecAsync(guest, start.Command, start.Environment, ct);
                await ExecBridge.PumpAsync(socket, process, ct);
            })
            .WithTags("Containers")
            .WithSummary("Run a command in a running container: a WebSocket carrying stdin, stdout, stderr and the exit code")
            .Problems();
}
