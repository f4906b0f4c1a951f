using Carve.Host.Processes;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    /// <summary>
    /// debootstrap mounts /proc (and sometimes /dev, /sys) inside its target; a build that was cancelled or failed
    /// may leave them behind, and a recursive delete must never walk into the host's /dev or /sys.
    /// </summary>
    private async Task UnmountBelowAsync(string dir)
    {
        foreach (var mountPoint in MountPointsBelow(dir).OrderByDescending(m => m.Length))
            await runner.RunAsync(new ProcessSpec("umount", ["-l", "--", mountPoint]) { Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
    }

    private void DeleteTree(string dir)
    {
        if (!Directory.Exists(dir))
            return;
        if (MountPointsBelow(dir).Count > 0)
        {
            LogCleanupFailed(dir, new IOException("file systems are still mounted below it"));
            return;
        }
        try
        {
            // Directory.Delete removes symlinks, never follows them.
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(dir, e);
        }
    }

    /// <summary>Mount points at or below <paramref name="dir"/>, from /proc/self/mountinfo (field 5, octal-escaped).</summary>
    public static IReadOnlyList<string> MountPointsBelow(string dir, string mountInfo = "/proc/self/mountinfo")
    {
        var prefix = dir.TrimEnd('/') + "/";
        var found = new List<string>();
        foreach (var line in File.ReadLines(mountInfo))
        {
            var fields = line.Split(' ');
            if (fields.Length < 5)
                continue;
            var mountPoint = fields[4].Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
                .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);
            if (mountPoint == dir.TrimEnd('/') || mountPoint.StartsWith(prefix, StringComparison.Ordinal))
                found.Add(mountPoint);
        }
        return found;
    }
}
