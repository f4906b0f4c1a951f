using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Tasks;

namespace Carve.Core.Guests;

/// <summary>Start, stop, shutdown, reboot and delete for every kind of guest, each as a task under the guest's lock.</summary>
public sealed class GuestLifecycle(
    GuestStore guests, TaskRunner tasks, DriverRegistry drivers, CarveOptions options, Clones.CloneLinks links)
{
    public TaskView Submit(LifecycleCommand command)
    {
        var guest = guests.ResolveKind(command.Reference, command.Kind);
        var driver = drivers.Instance(guest.Kind);
        var running = driver.Inspect(guest).IsRunning;
        var timeout = command.Timeout ?? TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds);

        Func<ITaskContext, CancellationToken, Task> work = command.Action switch
        {
            LifecycleAction.Start => Refuse(guest.Template, $"{guest.Describe()} is a template; templates cannot be started, clone it instead.")
                ?? Refuse(running, $"{guest.Describe()} is already running.")
                ?? ((t, ct) => driver.StartAsync(guest, t, ct)),
            LifecycleAction.Stop => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? ((t, ct) => driver.StopAsync(guest, t, ct)),
            LifecycleAction.Shutdown => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? ((t, ct) => driver.ShutdownAsync(guest, timeout, t, ct)),
            LifecycleAction.Reboot => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? (async (t, ct) =>
                {
                    // Like Proxmox: a reboot is a clean shutdown and a fresh start, so pending changes apply.
                    await driver.ShutdownAsync(guest, timeout, t, ct);
                    await driver.StartAsync(guests.Find(guest.Id) ?? guest, t, ct);
                }),
            LifecycleAction.Delete => RefuseTemplateWithClones(guest)
                ?? Refuse(running && !command.Force,
                    $"{guest.Describe()} is running; stop it first, or delete with --force.")
                ?? (async (t, ct) =>
                {
                    if (driver.Inspect(guest).IsRunning)
                        await driver.StopAsync(guest, t, ct);
                    await DeleteAsync(guest, t, ct);
                }),
            _ => throw new BadRequestException($"Unknown action {command.Action}."),
        };
        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-{command.Action.ToString().ToLowerInvariant()}",
            User = command.User,
            Guest = guest,
            Work = work,
        });
    }

    /// <summary>Removes a stopped guest and everything it owns; safe to run again after a crash halfway.</summary>
    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await drivers.Instance(guest.Kind).DeleteAsync(guest, task, ct);
        guests.Delete(guest.Id);
        task.Log($"Deleted {guest.Describe()}.");
    }

    /// <summary>Removes a guest whose creation failed halfway: nothing half made stays behind.</summary>
    public async Task DiscardAsync(GuestRecord guest, ITaskContext task)
    {
        await drivers.Instance(guest.Kind).DeleteAsync(guest, task, CancellationToken.None);
        guests.Delete(guest.Id);
        task.Log($"Removed the half-made {guest.Describe()}.");
    }

    private Func<ITaskContext, CancellationToken, Task>? RefuseTemplateWithClones(GuestRecord guest)
    {
        var clones = links.ClonesOf(guest.Id);
        return Refuse(clones.Count > 0,
            $"{guest.Describe()} is a template whose disks back {clones.Count} linked clone(s) ({string.Join(", ", clones.Select(id => guests.Find(id)?.Name))}); delete them first.");
    }

    private static Func<ITaskContext, CancellationToken, Task>? Refuse(bool condition, string message) =>
        condition ? throw new ConflictException(message) : null;
}
