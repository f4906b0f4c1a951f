using Carve.Host.Proc;
using Carve.Lxc.Driver;
using Carve.Lxc.Tests.Support;

namespace Carve.Lxc.Tests.Driver;

public sealed class LxcMonitorLocatorTests : IDisposable
{
    private readonly TempDirectory _dir = new("carve-proc");
    private readonly LxcPaths _paths;

    public LxcMonitorLocatorTests()
    {
        _paths = new LxcPaths("/data/lxc", "ct-100", _dir.Sub("run"), _dir.Sub("logs"));
        Directory.CreateDirectory(_paths.RuntimeDir);
    }

    public void Dispose() => _dir.Dispose();

    private void Process(int pid, string cmdline, char state = 'S', string children = "")
    {
        var dir = _dir.Sub($"proc/{pid}");
        Directory.CreateDirectory(Path.Combine(dir, "task", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        File.WriteAllText(Path.Combine(dir, "cmdline"), cmdline);
        File.WriteAllText(Path.Combine(dir, "stat"), $"{pid} (x) {state} 1 1 1 0 -1 0 0 0 0 0 5 5 0 0 20 0 1 0 100 0 0");
        File.WriteAllText(Path.Combine(dir, "task", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "children"), children);
    }

    private LxcMonitorLocator Locator() => new(new ProcFs(_dir.Sub("proc")));

    [Fact]
    public void The_monitor_is_found_from_its_pid_file_and_init_as_its_child()
    {
        Process(50, "[lxc monitor] /data/lxc ct-100\0", children: "51 ");
        Process(51, "/sbin/init\0");
        File.WriteAllText(_paths.MonitorPidFile, "50");
        Assert.Equal(new LxcProcesses(50, 51), Locator().Find(_paths));
    }

    [Fact]
    public void A_reused_pid_is_not_taken_for_the_monitor()
    {
        Process(50, "/usr/bin/something-else\0");
        File.WriteAllText(_paths.MonitorPidFile, "50");
        Assert.Null(Locator().Find(_paths));
    }

    [Fact]
    public void Another_daemons_container_of_the_same_name_is_not_ours()
    {
        Process(50, "[lxc monitor] /other/lxc ct-100\0", children: "51");
        File.WriteAllText(_paths.MonitorPidFile, "50");
        Assert.Null(Locator().Find(_paths));
    }

    [Fact]
    public void A_zombie_monitor_is_gone()
    {
        Process(50, "[lxc monitor] /data/lxc ct-100\0", state: 'Z');
        File.WriteAllText(_paths.MonitorPidFile, "50");
        Assert.Null(Locator().Find(_paths));
    }

    [Fact]
    public void A_monitor_without_init_is_between_states()
    {
        Process(50, "[lxc monitor] /data/lxc ct-100\0");
        File.WriteAllText(_paths.MonitorPidFile, "50");
        Assert.Equal(new LxcProcesses(50, null), Locator().Find(_paths));
    }

    [Fact]
    public void A_scan_finds_every_monitor_of_the_lxcpath()
    {
        Process(50, "[lxc monitor] /data/lxc ct-100\0");
        Process(60, "[lxc monitor] /data/lxc ct-101\0");
        Process(70, "[lxc monitor] /other/lxc ct-102\0");
        var found = Locator().ScanMonitors("/data/lxc");
        Assert.Equal(new Dictionary<string, int> { ["ct-100"] = 50, ["ct-101"] = 60 }, found);
    }
}
