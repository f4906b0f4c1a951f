using Carve.Api.Auth;
using Carve.Api.Consoles;
using Carve.Contracts.Guests;
using Carve.Contracts.Transfer;
using Carve.Core.Clones;
using Carve.Core.Drivers;
using Carve.Core.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>
/// What every kind of guest has under its own collection (/vms, /cts): lifecycle actions, template, export, its
/// console log and the console WebSockets of its kind. Mapped once per kind the daemon has drivers for.
/// </summary>
public static class GuestKindEndpoints
{
    public static void MapGuestKindEndpoints(this IEndpointRouteBuilder api, GuestDrivers drivers)
    {
        foreach (var kind in drivers.Kinds)
        {
            var group = api.MapGroup("/" + kind.Route).WithTags(Title(kind) + "s");
            group.MapLifecycleActions(kind);
            group.MapPost("/{ref}/template", (string @ref, HttpContext http, CloneService service) =>
                    Accepted.Task(service.MakeTemplate(new TemplateCommand(@ref, kind, http.Caller().User))))
                .WithSummary($"Make a stopped {kind.Noun} a template: it cannot start, and linked clones of it are instant (a task)").Problems();
            if (drivers.Find<IGuestExporter>(kind) is not null)
                group.MapExport(kind);
            group.MapConsoles(kind, drivers.Definition(kind).ConsoleChannels);
        }
    }

    private static void MapExport(this RouteGroupBuilder group, GuestKind kind) =>
        group.MapPost("/{ref}/export", (string @ref, ExportRequest? body, HttpContext http, GuestExports exports) =>
                Accepted.Task(exports.Submit(new ExportGuestCommand(@ref, kind, body?.Format, http.Caller().User))))
            .WithSummary($"Export a stopped {kind.Noun}; the files appear under /exports/{{taskId}} (a task)").Problems();

    private static string Title(GuestKind kind) => char.ToUpperInvariant(kind.Noun[0]) + kind.Noun[1..];
}
