using Carve.Api.Auth;
using Carve.Contracts.Transfer;
using Carve.Core.Errors;
using Carve.Core.Transfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/vms/import, /api/v1/vms/{ref}/export, their /cts twins and /api/v1/exports: moving guests between hosts.</summary>
public static class TransferEndpoints
{
    public static void MapTransferEndpoints(this IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");
        vms.MapPost("/import", (ImportVmRequest body, HttpContext http, ImportService service) =>
                Accepted.Task(service.Import(new ImportVmCommand(body, http.Caller().User))))
            .WithSummary("Import a VM from an OVA, an OVF or a disk image on the daemon's host (a task)").Problems();
        vms.MapPost("/{ref}/export", (string @ref, ExportVmRequest body, HttpContext http, ExportService service) =>
                Accepted.Task(service.Export(new ExportVmCommand(@ref, body, http.Caller().User))))
            .WithSummary("Export a stopped VM as an OVA or as disk files; they appear under /exports/{taskId} (a task)").Problems();

        var cts = api.MapGroup("/cts").WithTags("Containers");
        cts.MapPost("/import", async (ImportCtRequest body, HttpContext http, CtTransferService service, CancellationToken ct) =>
                Accepted.Task(await service.ImportAsync(body, http.Caller().User, ct)))
            .WithSummary("Import a container from a `carve ct export` tarball on the daemon's host (a task)").Problems();
        cts.MapPost("/{ref}/export", (string @ref, HttpContext http, CtTransferService service) =>
                Accepted.Task(service.Export(@ref, http.Caller().User)))
            .WithSummary("Export a stopped container as NAME.tar.zst; it appears under /exports/{taskId} (a task)").Problems();

        var exports = api.MapGroup("/exports").WithTags("Exports");
        exports.MapGet("", (ExportStore store) => TypedResults.Ok(store.List()))
            .WithSummary("List finished exports");
        exports.MapGet("/{id}", (string id, ExportStore store) => TypedResults.Ok(store.Get(id)))
            .WithSummary("Show an export and its files").Problems();
        exports.MapGet("/{id}/{file}", (string id, string file, HttpContext http, ExportStore store) =>
            {
                // A disk holds everything the guest has: reading it is more than viewing the VM.
                if (!http.Caller().CanOperate)
                    throw new ForbiddenException($"{http.Caller().User} has the viewer role and cannot download disks.");
                return TypedResults.PhysicalFile(store.FilePath(id, file), "application/octet-stream", file, enableRangeProcessing: true);
            })
            .WithSummary("Download a file of an export").Produces(200, contentType: "application/octet-stream").Problems();
        exports.MapDelete("/{id}", (string id, ExportStore store) =>
            {
                store.Delete(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete an export and its files").Problems();
    }
}
