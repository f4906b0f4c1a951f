using Carve.Lxc.Driver;

namespace Carve.Lxc.Tests.Driver;

public sealed class LxcCommandsTests
{
    private static readonly LxcPaths Paths = new("/var/lib/carve/lxc", "ct-100", "/run/carve/lxc/100", "/var/lib/carve/logs/ct-100");

    [Fact]
    public void Start_daemonizes_and_records_the_monitor() =>
        Assert.Equal(["-n", "ct-100", "-P", "/var/lib/carve/lxc", "-d", "--pidfile", "/run/carve/lxc/100/monitor.pid"], LxcCommands.Start(Paths));

    [Fact]
    public void Shutdown_waits_without_killing_and_rounds_up() =>
        Assert.Equal(["-n", "ct-100", "-P", "/var/lib/carve/lxc", "-t", "3", "--nokill"], LxcCommands.Shutdown(Paths, TimeSpan.FromSeconds(2.5)));

    [Fact]
    public void Attach_clears_the_environment_runs_as_root_and_passes_argv_after_dashes() =>
        Assert.Equal(
            ["-n", "ct-100", "-P", "/var/lib/carve/lxc", "--clear-env", "-u", "0", "-g", "0", "-v", "A=1", "-v", "B=two words", "--", "sh", "-c", "echo $A; -- x"],
            LxcCommands.Attach(Paths, ["sh", "-c", "echo $A; -- x"], new Dictionary<string, string> { ["B"] = "two words", ["A"] = "1" }));

    [Fact]
    public void Console_is_tty_zero_without_an_escape_key() =>
        Assert.Equal(["-n", "ct-100", "-P", "/var/lib/carve/lxc", "-t", "0", "-e", "-1"], LxcCommands.Console(Paths));

    [Fact]
    public void Paths_follow_the_data_and_run_dirs()
    {
        var paths = LxcPaths.For(new Carve.Core.Configuration.CarveOptions { DataDir = "/d", RunDir = "/r" }, 7);
        Assert.Equal("/d/lxc/ct-7/config", paths.ConfigFile);
        Assert.Equal("/r/lxc/7/monitor.pid", paths.MonitorPidFile);
        Assert.Equal("/d/logs/ct-7/console.log", paths.ConsoleLog);
        Assert.Equal("[lxc monitor] /d/lxc ct-7", paths.MonitorTitle);
    }
}
