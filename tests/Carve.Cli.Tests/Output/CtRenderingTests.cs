using Carve.Cli.Commands;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Tests.Output;

public sealed class CtRenderingTests
{
    private static readonly CtView Running = new()
    {
        Id = 101,
        Name = "c1",
        Status = "running",
        Config = new CtConfigView
        {
            Cpus = 2, MemoryMiB = 256, Hostname = "box", Privileged = false, Template = "busybox",
            Mounts = [new MountView("/tank/media", "/media", true), new MountView("/srv", "/srv", false)],
        },
        Runtime = new CtRuntimeView
        {
            InitPid = 4242, UptimeSeconds = 90, CpuSeconds = 12.34, MemoryBytes = 12 << 20, MemoryLimitBytes = 256 << 20, OomKills = 0,
        },
    };

    private static string Show(CtView view)
    {
        var output = new StringWriter();
        CtShowRenderer.Render(output, view);
        return output.ToString();
    }

    [Fact]
    public void Show_gives_config_mounts_and_runtime()
    {
        var text = Show(Running);
        Assert.Contains("Hostname:    box", text, StringComparison.Ordinal);
        Assert.Contains("Privileged:  no", text, StringComparison.Ordinal);
        Assert.Contains("Template:    busybox", text, StringComparison.Ordinal);
        Assert.Contains("  /tank/media  /media  ro", text, StringComparison.Ordinal);
        Assert.Contains("  /srv         /srv    rw", text, StringComparison.Ordinal);
        Assert.Contains("Init PID:   4242", text, StringComparison.Ordinal);
        Assert.Contains("Uptime:     1m 30s", text, StringComparison.Ordinal);
        Assert.Contains("CPU time:   12.3s", text, StringComparison.Ordinal);
        Assert.Contains("Memory:     12 MiB / 256 MiB", text, StringComparison.Ordinal);
        Assert.Contains("OOM kills:  0", text, StringComparison.Ordinal);
        Assert.Contains("Lock:     none", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_container_without_mounts_says_so()
    {
        var text = Show(Running with { Status = "stopped", Runtime = null, Config = Running.Config with { Mounts = [], Privileged = true } });
        Assert.Contains("Privileged:  yes", text, StringComparison.Ordinal);
        Assert.Contains("Mounts:\n  (none)", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Init PID", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guest_list_shows_containers_beside_vms()
    {
        var output = new StringWriter();
        ListCommand.Render(output,
        [
            new GuestSummary { Id = 102, Name = "c1", Type = GuestKind.Ct, Status = "running", Cpus = 1, MemoryMiB = 512 },
            new GuestSummary { Id = 100, Name = "web1", Type = GuestKind.Vm, Status = "stopped", Cpus = 2, MemoryMiB = 1024, Lock = "backup" },
            new GuestSummary { Id = 101, Name = "base", Type = GuestKind.Ct, Status = "stopped", Template = true },
        ]);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(
            [
                "ID   NAME  TYPE           STATUS   CPUS  MEMORY   LOCK",
                "100  web1  vm             stopped  2     1 GiB    backup",
                "101  base  ct (template)  stopped  0     0 B      -",
                "102  c1    ct             running  1     512 MiB  -",
            ],
            lines);
    }

    [Theory]
    [InlineData("The new limits apply now.", true)]
    [InlineData("Updated ct c1 (101).", false)]
    public void Set_reads_from_the_task_log_whether_the_limits_applied_live(string line, bool live)
    {
        var task = new TaskView { Id = "7", Type = "ct-set", User = "root", Status = "succeeded", Log = [new TaskLogLine(DateTimeOffset.UtcNow, line)] };
        Assert.Equal(live, CtSetCommand.AppliedLive(task));
    }
}
