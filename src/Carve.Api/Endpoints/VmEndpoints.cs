using Carve.Api.Auth;
using Carve.Contracts;
using Carve.Contracts.Vms;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/vms: each handler builds a command from its input and hands it to the core.</summary>
public static class VmEndpoints
{
    public static void MapVmEndpoints(this IEndpointRouteBuilder api)
    {
        var vms = api.MapGroup("/vms").WithTags("VMs");
        vms.MapGet("", (GuestQueries q, HttpContext http) => TypedResults.Ok(http.Visible(q.List<VmView>(), v => v.Name)))
            .WithSummary("List VMs with their state");
        vms.MapPost("", async (CreateVmRequest body, HttpContext http, GuestCreation creation, CancellationToken ct) =>
                Accepted.Task(await creation.SubmitAsync(new CreateGuestCommand<CreateVmRequest>(body, http.Caller().User), ct)))
            .WithSummary("Create a VM (a task)").Problems();
        vms.MapGet("/{ref}", async (string @ref, GuestQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ShowAsync<VmView>(@ref, ct)))
            .WithSummary("Show a VM: config, disks and runtime state").Problems();
        vms.MapPatch("/{ref}", async (string @ref, SetVmRequest body, HttpContext http, GuestEditing editing, CancellationToken ct) =>
                Accepted.Task(await editing.SubmitAsync(new SetGuestCommand<SetVmRequest>(@ref, body, http.Caller().User), ct)))
            .WithSummary("Change CPUs, memory, description, or grow disks (a task)").Problems();
    }

    /// <summary>Documents the problem+json answers every state-changing endpoint may give.</summary>
    internal static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder) => builder
        .Produces<ProblemView>(400, "application/problem+json")
        .Produces<ProblemView>(404, "application/problem+json")
        .Produces<ProblemView>(409, "application/problem+json");
}
