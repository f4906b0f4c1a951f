using System.Globalization;
using Carve.Core.Configuration;

namespace Carve.Lxc.Driver;

/// <summary>
/// Where one container's files live. LXC names it ct-ID: ids never change (a rename would otherwise move the
/// LXC dir under a running container) and stay within LXC's name rules. Each daemon has its own lxcpath.
/// </summary>
public sealed record LxcPaths(string LxcPath, string Name, string RuntimeDir, string LogDir)
{
    public string ContainerDir => Path.Combine(LxcPath, Name);
    public string ConfigFile => Path.Combine(ContainerDir, "config");
    /// <summary>Written by lxc-start --pidfile: the pid of the LXC monitor, the container init's parent.</summary>
    public string MonitorPidFile => Path.Combine(RuntimeDir, "monitor.pid");
    /// <summary>The config the running container was started with, to tell which changes wait for the next start.</summary>
    public string AppliedConfig => Path.Combine(RuntimeDir, "applied.json");
    public string ConsoleLog => Path.Combine(LogDir, "console.log");
    /// <summary>LXC rotates the console log here when it reaches lxc.console.size.</summary>
    public string ConsoleLogRotated => ConsoleLog + ".1";
    public string LxcLog => Path.Combine(LogDir, "lxc.log");

    /// <summary>The title the monitor gives itself; a pid whose cmdline says otherwise is not this container's.</summary>
    public string MonitorTitle => $"[lxc monitor] {LxcPath} {Name}";

    /// <summary>The guest id, from the ct-ID name.</summary>
    public int Id => int.Parse(Name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture);

    public static string ContainerName(int id) => "ct-" + id.ToString(CultureInfo.InvariantCulture);

    public static string LxcPathFor(CarveOptions options) => Path.Combine(options.DataDir, "lxc");

    public static LxcPaths For(CarveOptions options, int id) => new(
        LxcPathFor(options),
        ContainerName(id),
        Path.Combine(options.RunDir, "lxc", id.ToString(CultureInfo.InvariantCulture)),
        Path.Combine(options.LogsDir, ContainerName(id)));
}
