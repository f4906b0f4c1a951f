using Carve.Contracts.Guests;
using Carve.Core.Boot;
using Carve.Core.Tests.Orchestration;

namespace Carve.Core.Tests.Boot;

/// <summary>A host boot is told from a carved restart by the kernel's boot id (a file the test writes).</summary>
public sealed class BootStartTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public BootStartTests() => _h.Options.BootIdFile = Path.Combine(_h.Options.DataDir, "fake-boot-id");

    public void Dispose() => _h.Dispose();

    private void Boot(string id) => File.WriteAllText(_h.Options.BootIdFile, id + "\n");

    private async Task StartCarvedAsync()
    {
        _h.Get<BootStart>().Run();
        foreach (var task in _h.Tasks.List())
            await _h.Finished(task);
    }

    [Fact]
    public async Task Onboot_guests_start_after_a_host_boot_and_not_after_a_plain_restart()
    {
        var dns = _h.Guest("dns", new BootPolicy { OnBoot = true });
        Boot("boot-1");

        await StartCarvedAsync();
        Assert.Equal(["start dns"], _h.Ct.Calls);

        // The user stops it; carved restarts on the same boot: nothing starts.
        _h.Ct.MarkCrashed(dns);
        await StartCarvedAsync();
        Assert.Single(_h.Ct.Calls);

        Boot("boot-2");
        await StartCarvedAsync();
        Assert.Equal(["start dns", "start dns"], _h.Ct.Calls);
        Assert.Equal("boot-2\n", File.ReadAllText(_h.Options.LastBootIdFile));
    }

    [Fact]
    public async Task Without_onboot_guests_the_boot_is_remembered_and_no_task_is_made()
    {
        _h.Guest("lab", new BootPolicy { Order = 1 });
        Boot("boot-1");

        await StartCarvedAsync();

        Assert.Empty(_h.Tasks.List());
        Assert.Equal("boot-1\n", File.ReadAllText(_h.Options.LastBootIdFile));
    }

    [Fact]
    public async Task A_boot_whose_sequence_was_cut_short_is_started_again_at_the_next_start()
    {
        _h.Guest("dns", new BootPolicy { OnBoot = true });
        Boot("boot-1");
        var gate = _h.Ct.Hold("start dns");

        _h.Get<BootStart>().Run();
        Assert.False(File.Exists(_h.Options.LastBootIdFile));
        gate.Open();
        foreach (var task in _h.Tasks.List())
            await _h.Finished(task);
        Assert.Equal("boot-1\n", File.ReadAllText(_h.Options.LastBootIdFile));
    }
}
