using Carve.Api.Auth;
using Carve.Api.Endpoints;
using Carve.Contracts.Consoles;
using Carve.Core.Consoles;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Consoles;

public static class ConsoleTicketEndpoints
{
    public static void MapConsoleTicketEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/console-tickets", (ConsoleTicketRequest body, HttpContext http, GuestStore guests, ConsoleTicketService tickets) =>
            {
                var guest = guests.Resolve(body.Guest);
                var path = $"/api/v1/{guest.Kind}s/{guest.Id}/{PathOf(body.Channel)}";
                return TypedResults.Ok(tickets.Issue(http.Caller(), guest, body.Channel, path));
            })
            .WithTags("Consoles")
            .WithSummary("A one-time ticket (valid 30 s) that lets this browser session open one console WebSocket")
            .Problems();

    private static string PathOf(string channel) => channel switch
    {
        ConsoleChannels.Vnc => "vnc",
        ConsoleChannels.Exec => "exec",
        _ => "console",
    };
}
