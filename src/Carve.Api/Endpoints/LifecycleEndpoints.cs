using Carve.Api.Auth;
using Carve.Contracts.Guests;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>start, stop, shutdown, reboot and delete: the same for every kind of guest, under its collection.</summary>
internal static class LifecycleEndpoints
{
    public static void MapLifecycleActions(this RouteGroupBuilder group, GuestKind kind)
    {
        group.MapDelete("/{ref}", (string @ref, bool? force, HttpContext http, GuestLifecycle lifecycle) =>
                Accepted.Task(lifecycle.Submit(new LifecycleCommand(@ref, kind, LifecycleAction.Delete, http.Caller().User) { Force = force ?? false })))
            .WithSummary($"Delete a {kind.Noun} and its volumes; a running one needs force=true (a task)").Problems();
        Map(group, kind, "start", LifecycleAction.Start, $"Start a {kind.Noun}");
        Map(group, kind, "stop", LifecycleAction.Stop, $"Stop a {kind.Noun} at once, like pulling the plug");
        Map(group, kind, "shutdown", LifecycleAction.Shutdown, $"Shut a {kind.Noun} down cleanly, then stop it after the timeout");
        Map(group, kind, "reboot", LifecycleAction.Reboot, $"Shut a {kind.Noun} down cleanly and start it again");
    }

    private static void Map(RouteGroupBuilder group, GuestKind kind, string name, LifecycleAction action, string summary) =>
        group.MapPost($"/{{ref}}/{name}", (string @ref, int? timeout, HttpContext http, GuestLifecycle lifecycle) =>
                Accepted.Task(lifecycle.Submit(new LifecycleCommand(@ref, kind, action, http.Caller().User)
                {
                    Timeout = Timeouts.Seconds(timeout),
                })))
            .WithSummary(summary + " (a task)").Problems();
}
