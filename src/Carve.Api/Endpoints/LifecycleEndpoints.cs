using Carve.Api.Auth;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Carve.Api.Endpoints;

/// <summary>start, stop, shutdown, reboot and delete: the same for VMs (/vms) and containers (/cts).</summary>
internal static class LifecycleEndpoints
{
    public static void MapLifecycleActions(this RouteGroupBuilder group, string kind)
    {
        var noun = kind == "vm" ? "VM" : "container";
        group.MapDelete("/{ref}", (string @ref, bool? force, HttpContext http, GuestLifecycle lifecycle) =>
                Accepted.Task(lifecycle.Submit(new LifecycleCommand(@ref, kind, LifecycleAction.Delete, http.Caller().User) { Force = force ?? false })))
            .WithSummary($"Delete a {noun} and its volumes; a running one needs force=true (a task)").Problems();
        Map(group, kind, "start", LifecycleAction.Start, $"Start a {noun}");
        Map(group, kind, "stop", LifecycleAction.Stop, $"Stop a {noun} at once, like pulling the plug");
        Map(group, kind, "shutdown", LifecycleAction.Shutdown, $"Shut a {noun} down cleanly, then stop it after the timeout");
        Map(group, kind, "reboot", LifecycleAction.Reboot, $"Shut a {noun} down cleanly and start it again");
    }

    private static void Map(RouteGroupBuilder group, string kind, string name, LifecycleAction action, string summary) =>
        group.MapPost($"/{{ref}}/{name}", (string @ref, int? timeout, HttpContext http, GuestLifecycle lifecycle) =>
                Accepted.Task(lifecycle.Submit(new LifecycleCommand(@ref, kind, action, http.Caller().User)
                {
                    Timeout = Timeouts.Seconds(timeout),
                })))
            .WithSummary(summary + " (a task)").Problems();
}
