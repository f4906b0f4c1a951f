using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Hardware;
using Carve.Core.Networks;
using Carve.Core.Resources;
using Carve.Core.Tasks;

namespace Carve.Core.Guests;

/// <summary>Start, stop, shutdown, reboot and delete for every kind of guest, each as a task under the guest's lock.</summary>
public sealed class GuestLifecycle(
    GuestStore guests, TaskRunner tasks, GuestDrivers drivers, CarveOptions options, ResourceLedger resources,
    PciPassthrough passthrough, GuestNetworking networking, Clones.CloneLinks links)
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
                ?? FitsOrRefuse(guest)
                ?? ((t, ct) => StartAsync(guest, t, ct)),
            LifecycleAction.Stop => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? ((t, ct) => StopAsync(guest, t, ct)),
            LifecycleAction.Shutdown => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? ((t, ct) => ShutdownAsync(guest, timeout, t, ct)),
            LifecycleAction.Reboot => Refuse(!running, $"{guest.Describe()} is not running.")
                ?? (async (t, ct) =>
                {
                    // Like Proxmox: a reboot is a clean shutdown and a fresh start, so pending changes apply.
                    await ShutdownAsync(guest, timeout, t, ct);
                    await StartAsync(guests.Find(guest.Id) ?? guest, t, ct);
                }),
            LifecycleAction.Delete => RefuseTemplateWithClones(guest)
                ?? Refuse(running && !command.Force,
                    $"{guest.Describe()} is running; stop it first, or delete with --force.")
                ?? (async (t, ct) =>
                {
                    if (driver.Inspect(guest).IsRunning)
                        await StopAsync(guest, t, ct);
                    else
                        passthrough.Release(guest.Id, t);
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

    /// <summary>
    /// Every start goes through here: admission control claims the guest's memory (refusing what would eat into the
    /// host's reservation) and holds the claim until the guest runs, so concurrent starts cannot overbook. PCI devices
    /// go to vfio-pci first and back to the host if the start fails.
    /// </summary>
    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) =>
        LaunchAsync(guest, task, () => drivers.Instance(guest.Kind).StartAsync(guest, task, ct));

    /// <summary>
    /// Runs <paramref name="launch"/>, which brings a stopped guest to life (a start, or a rollback that resumes saved
    /// RAM), under the same admission control and PCI binding as a start.
    /// </summary>
    public async Task LaunchAsync(GuestRecord guest, ITaskContext task, Func<Task> launch)
    {
        using var claim = resources.Admit(guest);
        passthrough.Bind(guest, drivers.Definition(guest.Kind).PciDevices(guest.Config), task);
        try
        {
            await launch();
        }
        catch
        {
            passthrough.Release(guest.Id, task);
            throw;
        }
    }

    /// <summary>Stops the guest at once; its PCI devices go back to the host.</summary>
    public async Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await drivers.Instance(guest.Kind).StopAsync(guest, task, ct);
        passthrough.Release(guest.Id, task);
    }

    /// <summary>A clean power-off (hard after <paramref name="timeout"/>); its PCI devices go back to the host.</summary>
    public async Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct)
    {
        await drivers.Instance(guest.Kind).ShutdownAsync(guest, timeout, task, ct);
        passthrough.Release(guest.Id, task);
    }

    /// <summary>Removes a stopped guest and everything it owns; safe to run again after a crash halfway.</summary>
    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await drivers.Instance(guest.Kind).DeleteAsync(guest, task, ct);
        guests.Delete(guest.Id);
        // Its DHCP reservations and published ports go with it, so a later guest given its address gets none of them.
        await networking.ReleaseAsync(guest.Config.Nics, ct);
        task.Log($"Deleted {guest.Describe()}.");
    }

    /// <summary>Removes a guest whose creation failed halfway: nothing half made stays behind.</summary>
    public async Task DiscardAsync(GuestRecord guest, ITaskContext task)
    {
        await drivers.Instance(guest.Kind).DeleteAsync(guest, task, CancellationToken.None);
        guests.Delete(guest.Id);
        task.Log($"Removed the half-made {guest.Describe()}.");
    }

    private Func<ITaskContext, CancellationToken, Task>? FitsOrRefuse(GuestRecord guest)
    {
        resources.CheckFits(guest);
        return null;
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
