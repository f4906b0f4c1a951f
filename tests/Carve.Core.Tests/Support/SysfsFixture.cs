using System.Runtime.CompilerServices;
using Carve.Core.Hardware;
using Carve.Host.Hardware;
using Carve.Host.Sysfs;

namespace Carve.Core.Tests.Support;

/// <summary>The fixture trees of tests/fixtures/sysfs, read in place from the source tree (their symlinks stay intact).</summary>
internal static class SysfsFixture
{
    public const string Xeon = "xeon-workstation";
    public const string Consumer = "consumer-board";
    public const string IommuOff = "iommu-off";

    public static string Root(string name, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "fixtures", "sysfs", name));

    public static HostFs Fs(string name) => new(Root(name));

    public static HostFacts Facts(string name) => new HostFactsReader(Fs(name)).Read();

    public static PassthroughRules Rules(string name) => new(new PciScanner(Fs(name)).Scan(), Facts(name));

    /// <summary>A writable copy of a tree (symlinks copied as symlinks), for binding tests that write.</summary>
    public static TempDir Copy(string name)
    {
        var dir = new TempDir();
        CopyTree(Root(name), dir.Path);
        return dir;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
                File.CreateSymbolicLink(target, link);
            else if (entry is DirectoryInfo)
                CopyTree(entry.FullName, target);
            else
                File.Copy(entry.FullName, target);
        }
    }
}
