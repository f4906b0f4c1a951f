using Carve.Core.Guests;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    /// <summary>
    /// Finds the containers an earlier daemon started; they kept running and nothing is started twice. A missing pid
    /// file (a wiped run dir) is rewritten from the monitor's title, found in one pass over /proc.
    /// </summary>
    public Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct)
    {
        var lxcPath = LxcPaths.LxcPathFor(options);
        IReadOnlyDictionary<string, int>? monitors = null;
        foreach (var guest in guests)
        {
            ct.ThrowIfCancellationRequested();
            var paths = Paths(guest);
            if (locator.Find(paths) is { } found)
            {
                LogRecovered(guest.Describe(), found.MonitorPid, found.InitPid);
                continue;
            }
            monitors ??= locator.ScanMonitors(lxcPath);
            if (monitors.TryGetValue(paths.Name, out var monitor))
            {
                Directory.CreateDirectory(paths.RuntimeDir, Host.Files.FileModes.OwnerOnlyDirectory);
                File.WriteAllText(paths.MonitorPidFile, monitor.ToString(System.Globalization.CultureInfo.InvariantCulture));
                LogRecovered(guest.Describe(), monitor, locator.Find(paths)?.InitPid);
                continue;
            }
            // Stopped while no daemon watched (powered off from inside): clear what only a running container needs.
            CleanUpAfterExit(paths);
        }
        return Task.CompletedTask;
    }
}
