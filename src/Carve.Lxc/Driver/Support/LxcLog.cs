namespace Carve.Lxc.Driver.Support;

/// <summary>The container's lxc.log: LXC's own reasons when a start fails, kept bounded across starts.</summary>
internal static class LxcLog
{
    /// <summary>The message of the first ERROR line of the latest start, which names the cause ("Permission denied - Could not access ...").</summary>
    public static string? LastError(string path)
    {
        if (!File.Exists(path))
            return null;
        var lines = File.ReadLines(path).Where(l => l.Contains(" ERROR ", StringComparison.Ordinal)).TakeLast(8).ToList();
        // The tail of a failed start is generic ("Failed to spawn container"); the earliest error of the burst says why.
        var line = lines.FirstOrDefault(l => !l.Contains("Failed to spawn", StringComparison.Ordinal)
            && !l.Contains("sync_wait", StringComparison.Ordinal) && !l.Contains("ABORTING", StringComparison.Ordinal)) ?? lines.LastOrDefault();
        if (line is null)
            return null;
        var dash = line.IndexOf(" - ", line.IndexOf(" ERROR ", StringComparison.Ordinal), StringComparison.Ordinal);
        return dash < 0 ? line.Trim() : line[(dash + 3)..].Trim();
    }

    public static void Trim(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > maxBytes)
            File.WriteAllText(path, "");
    }
}
