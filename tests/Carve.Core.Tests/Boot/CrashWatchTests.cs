using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Boot;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Carve.Core.Tests.Orchestration;

namespace Carve.Core.Tests.Boot;

/// <summary>Restart on crash, driven one look at a time (no timer) over the real core with recording drivers.</summary>
public sealed class CrashWatchTests : IDisposable
{
    private static readonly BootPolicy OnCrash = new() { Restart = RestartPolicies.OnCrash };
    private readonly CoreHarness _h = new();
    private DateTimeOffset _now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _h.Dispose();

    private CrashWatch Watch => _h.Get<CrashWatch>();

    private async Task LookAsync(TimeSpan? after = null)
    {
        _now += after ?? CrashWatch.Period;
        Watch.LookOnce(_now);
        foreach (var task in _h.Tasks.List().Where(t => t.Status == TaskStates.Running))
            await _h.Finished(task);
    }

    [Fact]
    public async Task A_guest_that_dies_on_its_own_is_started_again_and_the_restart_is_a_task()
    {
        var web = _h.Guest("web", OnCrash, running: true);
        await LookAsync();

        _h.Ct.MarkCrashed(web);
        await LookAsync();

        Assert.Equal(["start web"], _h.Ct.Calls);
        Assert.True(_h.Ct.IsRunning(web));
        var restart = Assert.Single(_h.Tasks.List());
        Assert.Equal(("ct-start", CrashWatch.User, TaskStates.Succeeded), (restart.Type, restart.User, restart.Status));
    }

    [Fact]
    public async Task A_guest_carve_stopped_is_not_restarted_even_when_the_stop_fell_between_two_looks()
    {
        var web = _h.Guest("web", OnCrash, running: true);
        await LookAsync();

        await _h.Succeeded(_h.Lifecycle.Submit(new LifecycleCommand("web", GuestKind.Ct, LifecycleAction.Stop, "root@local")));
        await LookAsync();
        await LookAsync();

        Assert.Equal(["stop web"], _h.Ct.Calls);
        Assert.False(_h.Ct.IsRunning(web));
    }

    [Fact]
    public async Task Guests_without_the_policy_are_left_alone()
    {
        var web = _h.Guest("web", new BootPolicy { OnBoot = true }, running: true);
        await LookAsync();

        _h.Ct.MarkCrashed(web);
        await LookAsync();

        Assert.Empty(_h.Ct.Calls);
    }

    [Fact]
    public async Task Restarts_back_off_and_after_five_crashes_in_ten_minutes_carve_gives_up_with_a_failed_task()
    {
        var web = _h.Guest("web", OnCrash, running: true);
        await LookAsync();
        for (var crash = 1; crash <= 4; crash++)
        {
            _h.Ct.MarkCrashed(web);
            await LookAsync();
            var backoff = crash == 1 ? 0 : 1 << (crash - 1);
            if (backoff > 0)
            {
                Assert.False(_h.Ct.IsRunning(web), $"restarted before its {backoff} s backoff after crash {crash}");
                await LookAsync(TimeSpan.FromSeconds(backoff));
            }
            Assert.True(_h.Ct.IsRunning(web), $"not restarted after crash {crash}");
            await LookAsync();
        }

        _h.Ct.MarkCrashed(web);
        await LookAsync();
        await LookAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(4, _h.Ct.Calls.Count(c => c == "start web"));
        Assert.False(_h.Ct.IsRunning(web));
        var gaveUp = _h.Tasks.List()[0];
        Assert.Equal(("ct-crash-loop", TaskStates.Failed), (gaveUp.Type, gaveUp.Status));
        Assert.Contains("crashed 5 times within 10 minutes", gaveUp.Error, StringComparison.Ordinal);
        Assert.Null(_h.Reread(web).Lock);
    }
}
