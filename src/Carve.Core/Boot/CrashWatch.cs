using System.Collections.Concurrent;
using Carve.Core.Commands;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Carve.Core.Boot;

/// <summary>
/// Restarts guests whose policy says "on-crash" when they die without Carve stopping them: QEMU killed or crashed, a
/// container's init gone, the OOM killer, or the guest powering itself off (as Proxmox HA, Carve cannot tell that
/// from a crash once the process is gone). A stop is Carve's when any task ran on the guest since it was last seen
/// running. Only guests with the policy are read and inspected: without any, the watch costs one SQLite query that
/// returns no row every 2 s.
/// </summary>
public sealed partial class CrashWatch(
    GuestStore guests, GuestDrivers drivers, GuestLifecycle lifecycle, TaskRunner tasks, TaskStore taskStore, ILogger<CrashWatch> logger)
    : BackgroundService
{
    public const string User = "carved (restart on crash)";
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<int, Watched> _watched = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            LookOnce(DateTimeOffset.UtcNow);
    }

    /// <summary>One pass over the watched guests; public for tests, which drive it without the timer.</summary>
    public void LookOnce(DateTimeOffset now)
    {
        var policy = guests.ListRestartingOnCrash();
        foreach (var gone in _watched.Keys.Except(policy.Select(g => g.Id)))
            _watched.TryRemove(gone, out _);
        foreach (var guest in policy)
            Look(guest, _watched.GetOrAdd(guest.Id, _ => new Watched()), now);
    }

    private void Look(GuestRecord guest, Watched state, DateTimeOffset now)
    {
        if (guest.Lock is not null)
        {
            state.SeenRunningAfterTask = null;
            return;
        }
        var running = drivers.Instance(guest.Kind).Inspect(guest).IsRunning;
        var latestTask = taskStore.List(1, guest.Id) is [var last, ..] ? last.Id : null;
        if (running)
        {
            state.SeenRunningAfterTask = latestTask ?? "";
            state.RestartAt = null;
            return;
        }
        if (state.RestartAt is { } due)
        {
            if (now >= due)
                Restart(guest, state);
            return;
        }
        // Seen running, now stopped, and no task of Carve's came in between: it died on its own.
        if (state.SeenRunningAfterTask is not { } before || before != (latestTask ?? ""))
        {
            state.SeenRunningAfterTask = null;
            return;
        }
        state.SeenRunningAfterTask = null;
        if (state.Policy.OnCrash(now) is { } delay)
        {
            LogCrashed(guest.Describe(), state.Policy.Count, delay.TotalSeconds);
            state.RestartAt = now + delay;
            if (delay == TimeSpan.Zero)
                Restart(guest, state);
        }
        else
        {
            GiveUp(guest);
        }
    }

    private void Restart(GuestRecord guest, Watched state)
    {
        state.RestartAt = null;
        try
        {
            lifecycle.Submit(new LifecycleCommand(guest.Id.ToString(), guest.Kind, LifecycleAction.Start, User));
        }
        catch (CarveException e)
        {
            // Busy, or it no longer fits: the crash is still counted, and the next death is watched for as usual.
            LogRestartRefused(guest.Describe(), e.Message);
        }
    }

    /// <summary>The give-up is a failed task on the guest, so `carve task list` and the web UI show it.</summary>
    private void GiveUp(GuestRecord guest)
    {
        var reason = $"{guest.Describe()} crashed {CrashPolicy.MaxCrashes} times within {CrashPolicy.Window.TotalMinutes:0} minutes; " +
            "Carve stopped restarting it. Look at its console log, then start it by hand.";
        LogGaveUp(reason);
        try
        {
            tasks.Submit(new TaskRequest
            {
                Type = $"{guest.Kind}-crash-loop", User = User, Guest = guest,
                Work = (_, _) => throw new OperationFailedException(reason),
            });
        }
        catch (CarveException)
        {
            // Busy: the log line above is the record.
        }
    }

    private sealed class Watched
    {
        /// <summary>The guest's latest task when it was last seen running (""; none), or null when not seen running since.</summary>
        public string? SeenRunningAfterTask { get; set; }
        public DateTimeOffset? RestartAt { get; set; }
        public CrashPolicy Policy { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Guest} died without Carve stopping it (crash {Count} within 10 minutes); starting it again in {Seconds} s")]
    private partial void LogCrashed(string guest, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not restart {Guest} after its crash: {Reason}")]
    private partial void LogRestartRefused(string guest, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}")]
    private partial void LogGaveUp(string reason);
}
