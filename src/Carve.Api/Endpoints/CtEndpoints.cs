using Carve.Api.Auth;
using Carve.Contracts.Containers;
using Carve.Core.Containers;
using Carve.Core.Guests;
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
        cts.MapGet("", (GuestQueries q) => TypedResults.Ok(q.ListCts()))
            .WithSummary("List containers with their state");
        cts.MapPost("", (CreateCtRequest body, HttpContext http, CtService service) =>
                Accepted.Task(service.Create(body, http.Caller().User)))
            .WithSummary("Create a container from a template (a task)").Problems();
        cts.MapGet("/{ref}", async (string @ref, GuestQueries q, CtService service, CancellationToken ct) =>
                TypedResults.Ok(await q.ShowCtAsync(service.Ct(@ref), ct)))
            .WithSummary("Show a container: config and state from its cgroup").Problems();
        cts.MapPatch("/{ref}", (string @ref, SetCtRequest body, HttpContext http, CtService service) =>
                Accepted.Task(service.Set(@ref, body, http.Caller().User)))
            .WithSummary("Change CPU and memory limits (live on a running container) or the description (a task)").Problems();
        cts.MapLifecycleActions(CtService.Kind);

        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("", (ITemplateStore store) => TypedResults.Ok(store.List()))
            .WithSummary("Container templates and whether they are built");
        templates.MapPost("/build", (BuildTemplateRequest body, HttpContext http, CtService service) =>
                Accepted.Task(service.BuildTemplate(body, http.Caller().User)))
            .WithSummary("Build a Debian template with debootstrap from the host's mirror (a task)").Problems();
    }
}
