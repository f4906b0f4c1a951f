using Carve.Api.Auth;
using Carve.Contracts.Transfer;
using Carve.Core.Commands;
using Carve.Core.Exports;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/vms/import, /api/v1/cts/import and /api/v1/exports: moving guests between hosts (exports are per kind, see <see cref="GuestKindEndpoints"/>).</summary>
public static class TransferEndpoints
{
    public static void MapTransferEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/vms").WithTags("VMs")
            .MapPost("/import", async (ImportVmRequest body, HttpContext http, GuestCreation creation, CancellationToken ct) =>
                Accepted.Task(await creation.SubmitAsync(new CreateGuestCommand<ImportVmRequest>(body, http.Caller().User), ct)))
            .WithSummary("Import a VM from an OVA, an OVF or a disk image on the daemon's host (a task)").Problems();
        api.MapGroup("/cts").WithTags("Containers")
            .MapPost("/import", async (ImportCtRequest body, HttpContext http, GuestCreation creation, CancellationToken ct) =>
                Accepted.Task(await creation.SubmitAsync(new CreateGuestCommand<ImportCtRequest>(body, http.Caller().User), ct)))
            .WithSummary("Import a container from a `carve ct export` tarball on the daemon's host (a task)").Problems();

        var exports = api.MapGroup("/exports").WithTags("Exports");
        exports.MapGet("", (ExportStore store, HttpContext http) => TypedResults.Ok(http.Visible(store.List(), e => e.Vm)))
            .WithSummary("List finished exports");
        exports.MapGet("/{id}", (string id, ExportStore store, HttpContext http) => TypedResults.Ok(Visible(http, store.Get(id))))
            .WithSummary("Show an export and its files").Problems();
        exports.MapGet("/{id}/{file}", (string id, string file, ExportStore store, HttpContext http) =>
                TypedResults.PhysicalFile(store.FilePath(Visible(http, store.Get(id)).Id, file), "application/octet-stream", file, enableRangeProcessing: true))
            .RequireAuthorization(CarvePolicies.Downloads)
            .WithSummary("Download a file of an export").Produces(200, contentType: "application/octet-stream").Problems();
        exports.MapDelete("/{id}", (string id, ExportStore store, HttpContext http) =>
            {
                store.Delete(Visible(http, store.Get(id)).Id);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete an export and its files").Problems();
    }

    private static ExportView Visible(HttpContext http, ExportView export) => http.RequireVisible(export, export.Vm);
}
