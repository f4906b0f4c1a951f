using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Configuration;
using Carve.Core.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Validation;

namespace Carve.Core.Boot;

/// <summary>
/// Brings the guests up with the host and down with it: the onboot guests start one after another in their order,
/// and at a host shutdown the running guests shut down in reverse order, each with its own timeout. Every guest's
/// start or shutdown is its own task under the guest's lock; the whole run is a task of its own that logs each step.
/// </summary>
public sealed class HostPower(
    GuestStore guests, GuestDrivers drivers, GuestLifecycle lifecycle, GuestConsoles consoles, TaskRunner tasks, CarveOptions options)
{
    public const string StartTaskType = "host-start-guests";
    public const string StopTaskType = "host-stop-guests";

    /// <summary>A single guest's start gets this long; one that hangs must not hold the rest of the boot forever.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromMinutes(10);

    /// <summary>How often a boot reads the console of a guest it waits for: the log is at most a MiB, read from the page cache.</summary>
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>Starts the onboot guests in order, as a task; <paramref name="finished"/> runs when all were tried.</summary>
    public TaskView SubmitStart(string user, Action? finished = null) => tasks.Submit(new TaskRequest
    {
        Type = StartTaskType,
        User = user,
        Work = async (task, ct) =>
        {
            await StartOnBootGuestsAsync(user, task, ct);
            finished?.Invoke();
        },
    });

    /// <summary>Shuts every running guest down in reverse start order, as a task.</summary>
    public TaskView SubmitStop(string user) => tasks.Submit(new TaskRequest
    {
        Type = StopTaskType, User = user, Work = (task, ct) => StopAllAsync(user, task, ct),
    });

    public bool AnyOnBoot() => BootOrder.ToStart(guests.List()).Count > 0;

    private async Task StartOnBootGuestsAsync(string user, ITaskContext task, CancellationToken ct)
    {
        var order = BootOrder.ToStart(guests.List());
        task.Log(order.Count == 0 ? "No guest starts at boot." : $"Starting {order.Count} guest(s) in order: {string.Join(", ", order.Select(g => g.Name))}.");
        for (var i = 0; i < order.Count; i++)
        {
            var guest = order[i];
            task.Progress(i * 100 / order.Count);
            var last = i == order.Count - 1;
            var boot = guest.Config.Boot;
            // The console as it was before the start, so that only what this boot prints counts as ready.
            var before = boot?.Ready is null || last ? null : await ReadConsoleAsync(guest, ct);
            if (!await StartOneAsync(guest, user, task, ct) || last)
                continue;
            if (boot?.Ready is { } ready)
                await WaitForReadyAsync(guest, ready, before!, boot.UpSeconds ?? BootPolicies.DefaultReadyWaitSeconds, task, ct);
            else if (boot?.UpSeconds is > 0 and var up)
            {
                task.Log($"Waiting {up} s after {guest.Name} before the next guest.");
                await Task.Delay(TimeSpan.FromSeconds(up), ct);
            }
        }
    }

    /// <summary>True when the guest was started; a guest that cannot start is logged and the next one goes on.</summary>
    private async Task<bool> StartOneAsync(GuestRecord planned, string user, ITaskContext task, CancellationToken ct)
    {
        var guest = guests.Find(planned.Id);
        if (guest is null || drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
        {
            task.Log($"{planned.Describe()}: {(guest is null ? "deleted meanwhile" : "already running")}.");
            return false;
        }
        var outcome = await RunGuestTaskAsync(new LifecycleCommand(guest.Id.ToString(), guest.Kind, LifecycleAction.Start, user), StartWait, ct);
        task.Log(outcome is null ? $"Started {guest.Describe()}." : $"{guest.Describe()} did not start: {outcome}");
        return outcome is null;
    }

    /// <summary>Until the guest prints its ready text, stops running, or its up delay passes; then the boot goes on.</summary>
    private async Task WaitForReadyAsync(GuestRecord guest, string ready, byte[] before, int upSeconds, ITaskContext task, CancellationToken ct)
    {
        task.Log($"Waiting up to {upSeconds} s for {guest.Name} to print '{ready}'.");
        var text = System.Text.Encoding.UTF8.GetBytes(ready);
        var started = DateTimeOffset.UtcNow;
        var deadline = started.AddSeconds(upSeconds);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (Printed(before, await ReadConsoleAsync(guest, ct), text))
            {
                task.Log($"{guest.Name} printed '{ready}' after {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s.");
                return;
            }
            if (!drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            {
                task.Log($"{guest.Name} stopped before it printed '{ready}'; going on.");
                return;
            }
            await Task.Delay(ReadyPoll, ct);
        }
        task.Log($"{guest.Name} did not print '{ready}' within {upSeconds} s; going on.");
    }

    private static bool Printed(byte[] before, byte[] now, byte[] text) => ConsoleOutput.Since(before, now).IndexOf(text) >= 0;

    /// <summary>A log that cannot be read now reads as empty: the wait then ends by its deadline, never by an error.</summary>
    private async Task<byte[]> ReadConsoleAsync(GuestRecord guest, CancellationToken ct)
    {
        try
        {
            return await consoles.ReadLogAsync(guest, ct);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>
    /// Group by group in reverse start order; the guests of one group shut down together. Each gets its own timeout
    /// (its downSeconds, else the config's shutdownTimeoutSeconds), after which its shutdown stops it hard.
    /// </summary>
    public async Task StopAllAsync(string user, ITaskContext task, CancellationToken ct)
    {
        var running = guests.List().Where(g => drivers.Instance(g.Kind).Inspect(g).IsRunning).ToList();
        task.Log(running.Count == 0 ? "No guest is running." : $"Shutting down {running.Count} guest(s).");
        foreach (var group in BootOrder.ToStop(running))
        {
            var outcomes = await Task.WhenAll(group.Select(guest => ShutdownOneAsync(guest, user, ct)));
            foreach (var line in outcomes)
                task.Log(line);
        }
    }

    private async Task<string> ShutdownOneAsync(GuestRecord guest, string user, CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(guest.Config.Boot?.DownSeconds ?? options.ShutdownTimeoutSeconds);
        var command = new LifecycleCommand(guest.Id.ToString(), guest.Kind, LifecycleAction.Shutdown, user) { Timeout = timeout };
        // A guest busy with another task (a snapshot, say) is waited for, within its own timeout.
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (guests.Find(guest.Id) is { Lock: not null } && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        var outcome = await RunGuestTaskAsync(command, timeout + TimeSpan.FromSeconds(30), ct);
        return outcome is null ? $"Shut down {guest.Describe()}." : $"{guest.Describe()} did not shut down: {outcome}";
    }

    /// <summary>Runs one guest's lifecycle task to its end: null when it succeeded, else why not.</summary>
    private async Task<string?> RunGuestTaskAsync(LifecycleCommand command, TimeSpan wait, CancellationToken ct)
    {
        TaskView submitted;
        try
        {
            submitted = lifecycle.Submit(command);
        }
        catch (CarveException e)
        {
            return e.Message;
        }
        var done = await tasks.WaitAsync(submitted.Id, wait, ct);
        return done?.Status switch
        {
            TaskStates.Succeeded => null,
            TaskStates.Running => $"still running after {wait.TotalSeconds:0} s (task {submitted.Id}).",
            _ => $"{done?.Error ?? "it failed"} (task {submitted.Id}).",
        };
    }
}
