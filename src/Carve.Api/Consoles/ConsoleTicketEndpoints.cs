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
        api.MapPost("/console-tickets", (ConsoleTicketRequest body, HttpContext http, ConsoleTicketService tickets) =>
                TypedResults.Ok(tickets.Issue(http.Caller(), body.Guest, body.Channel)))
            .WithTags("Consoles").WithMetadata(new ChecksGuestGrant())
            .WithSummary("A one-time ticket (valid 30 s) that lets this browser session open one console WebSocket")
            .Problems();
}
