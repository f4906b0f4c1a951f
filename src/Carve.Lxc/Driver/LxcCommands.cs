using System.Globalization;

namespace Carve.Lxc.Driver;

/// <summary>The argv of each LXC tool Carve runs; pure, so tests pin them.</summary>
public static class LxcCommands
{
    /// <summary>Daemonized: the monitor double-forks into its own session under PID 1, so it outlives carved.</summary>
    public static IReadOnlyList<string> Start(LxcPaths paths) =>
        [.. Target(paths), "-d", "--pidfile", paths.MonitorPidFile];

    public static IReadOnlyList<string> Kill(LxcPaths paths) => [.. Target(paths), "-k"];

    /// <summary>SIGPWR to init, then wait; --nokill leaves the hard stop to the caller, who says so in the task log.</summary>
    public static IReadOnlyList<string> Shutdown(LxcPaths paths, TimeSpan timeout) =>
        [.. Target(paths), "-t", Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "--nokill"];

    /// <summary>Freezes every task of the container (the cgroup freezer), so a copy of its files is consistent.</summary>
    public static IReadOnlyList<string> Freeze(LxcPaths paths) => Target(paths);

    public static IReadOnlyList<string> Unfreeze(LxcPaths paths) => Target(paths);

    public static IReadOnlyList<string> Info(LxcPaths paths) => [.. Target(paths), "-s", "-p", "-H"];

    /// <summary>Root in the container, an empty environment plus what the caller passed, argv after "--".</summary>
    public static IReadOnlyList<string> Attach(LxcPaths paths, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment)
    {
        var argv = new List<string>(Target(paths)) { "--clear-env", "-u", "0", "-g", "0" };
        foreach (var (key, value) in (environment ?? new Dictionary<string, string>()).OrderBy(e => e.Key, StringComparer.Ordinal))
            argv.AddRange(["-v", $"{key}={value}"]);
        argv.Add("--");
        argv.AddRange(command);
        return argv;
    }

    /// <summary>The console (tty 0) with the escape key disabled: every byte goes to the container.</summary>
    public static IReadOnlyList<string> Console(LxcPaths paths) => [.. Target(paths), "-t", "0", "-e", "-1"];

    private static string[] Target(LxcPaths paths) => ["-n", paths.Name, "-P", paths.LxcPath];
}
