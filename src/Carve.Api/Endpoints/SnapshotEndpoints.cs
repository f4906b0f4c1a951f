using Carve.Api.Auth;
using Carve.Contracts.Snapshots;
using Carve.Core.Clones;
using Carve.Core.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/guests/{ref}/snapshots and /clone, for every kind of guest alike.</summary>
public static class SnapshotEndpoints
{
    public static void MapSnapshotEndpoints(this IEndpointRouteBuilder api)
    {
        var guests = api.MapGroup("/guests/{ref}").WithTags("Snapshots");
        guests.MapGet("/snapshots", (string @ref, SnapshotService service) =>
                TypedResults.Ok<IReadOnlyList<SnapshotView>>(service.List(@ref).Select(View).ToList()))
            .WithSummary("List a guest's snapshots: parent, time, with or without RAM, which one is current").Problems();
        guests.MapPost("/snapshots", (string @ref, CreateSnapshotRequest body, HttpContext http, SnapshotService service) =>
                Accepted.Task(service.Create(new CreateSnapshotCommand(@ref, body.Name ?? "", body.Memory ?? false, body.Description, http.Caller().User))))
            .WithSummary("Snapshot every disk of a guest as one unit; memory=true also saves a running VM's RAM (a task)").Problems();
        guests.MapPost("/snapshots/{snapshot}/rollback", (string @ref, string snapshot, HttpContext http, SnapshotService service) =>
                Accepted.Task(service.Rollback(new SnapshotCommand(@ref, snapshot, http.Caller().User))))
            .WithSummary("Return a guest to a snapshot; a running guest is stopped first, or resumed from RAM for a memory snapshot (a task)").Problems();
        guests.MapDelete("/snapshots/{snapshot}", (string @ref, string snapshot, HttpContext http, SnapshotService service) =>
                Accepted.Task(service.Delete(new SnapshotCommand(@ref, snapshot, http.Caller().User))))
            .WithSummary("Delete a snapshot; the others stay valid (a task)").Problems();
        guests.MapPost("/clone", (string @ref, CloneRequest body, HttpContext http, CloneService service) =>
                Accepted.Task(service.Clone(new CloneCommand(@ref, body.Name ?? "", body.Linked ?? false, body.Snapshot, http.Caller().User) { Id = body.Id })))
            .WithSummary("Copy a guest as a new one with its own id, UUID and MACs; linked=true shares a template's disks (a task)").Problems();

    }

    private static SnapshotView View(SnapshotRecord s) => new()
    {
        Name = s.Name, Parent = s.Parent, CreatedAt = s.CreatedAt, Memory = s.Memory,
        Description = s.Description, State = s.State, Current = s.Current,
    };
}
