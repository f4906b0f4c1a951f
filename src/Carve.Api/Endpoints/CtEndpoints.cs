using Carve.Api.Auth;
using Carve.Contracts.Containers;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Carve.Core.Templates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>/api/v1/cts and /api/v1/templates.</summary>
public static class CtEndpoints
{
    public static void MapCtEndpoints(this IEndpointRouteBuilder api)
    {
        var cts = api.MapGroup("/cts").WithTags("Containers");
        cts.MapGet("", (GuestQueries q, HttpContext http) => TypedResults.Ok(http.Visible(q.List<CtView>(), c => c.Name)))
            .WithSummary("List containers with their state");
        cts.MapPost("", async (CreateCtRequest body, HttpContext http, GuestCreation creation, CancellationToken ct) =>
                Accepted.Task(await creation.SubmitAsync(new CreateGuestCommand<CreateCtRequest>(body, http.Caller().User), ct)))
            .WithSummary("Create a container from a template (a task)").Problems();
        cts.MapGet("/{ref}", async (string @ref, GuestQueries q, CancellationToken ct) =>
                TypedResults.Ok(await q.ShowAsync<CtView>(@ref, ct)))
            .WithSummary("Show a container: config and state from its cgroup").Problems();
        cts.MapPatch("/{ref}", async (string @ref, SetCtRequest body, HttpContext http, GuestEditing editing, CancellationToken ct) =>
                Accepted.Task(await editing.SubmitAsync(new SetGuestCommand<SetCtRequest>(@ref, body, http.Caller().User), ct)))
            .WithSummary("Change CPU and memory limits (live on a running container) or the description (a task)").Problems();

        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("", (ITemplateStore store) => TypedResults.Ok(store.List()))
            .WithSummary("Container templates and whether they are built");
        templates.MapPost("/build", (BuildTemplateRequest body, HttpContext http, TemplateBuilds builds) =>
                Accepted.Task(builds.Submit(new BuildTemplateCommand(body, http.Caller().User))))
            .WithSummary("Build a Debian template with debootstrap from the host's mirror (a task)").Problems();
    }
}
