namespace Carve.Host.Hardware;

/// <summary>What the host itself uses: the NIC of its default route and the disks under its root file system.</summary>
public sealed partial class HostFactsReader
{
    private string? DefaultRouteInterface()
    {
        // /proc/net/route: Iface Destination Gateway Flags ...; the default route has destination and mask 0.
        foreach (var line in (fs.Read("proc/net/route") ?? "").Split('\n').Skip(1))
        {
            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8 && fields[1] == "00000000" && fields[7] == "00000000")
                return fields[0];
        }
        return null;
    }

    /// <summary>The block devices under /, through device-mapper and md layers down to the disks.</summary>
    private IReadOnlyList<string> RootBlockDevices()
    {
        var root = (fs.Read("proc/mounts") ?? "").Split('\n')
            .Select(l => l.Split(' '))
            .LastOrDefault(f => f.Length > 2 && f[1] == "/")?[0];
        if (root is null || !root.StartsWith("/dev/", StringComparison.Ordinal))
            return [];
        var name = Path.GetFileName(fs.LinkTarget(root.TrimStart('/')) ?? root);
        var found = new List<string>();
        Collect(name, found, depth: 0);
        return found;
    }

    private void Collect(string block, List<string> found, int depth)
    {
        if (depth > 8 || found.Contains(block))
            return;
        found.Add(block);
        foreach (var slave in fs.List($"sys/class/block/{block}/slaves"))
            Collect(slave, found, depth + 1);
    }
}
