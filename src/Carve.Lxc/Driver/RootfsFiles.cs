using Carve.Lxc.Native;

namespace Carve.Lxc.Driver;

/// <summary>Files Carve writes into a container's rootfs, which may come from an untrusted tarball: no symlink is followed.</summary>
public static class RootfsFiles
{
    /// <summary>/etc/hostname, which init scripts apply at boot over LXC's lxc.uts.name. Skipped where etc is not a plain directory.</summary>
    public static void WriteHostname(string rootfs, string hostname, int ownerUid)
    {
        var etc = Path.Combine(rootfs, "etc");
        if (Libc.LStat(etc) is not { IsDirectory: true })
            return;
        var path = Path.Combine(etc, "hostname");
        if (Libc.LStat(path) is { } existing)
        {
            if (existing.IsDirectory)
                return;
            File.Delete(path);
        }
        using (var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        }))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(hostname + "\n"));
        }
        Libc.LChown(path, ownerUid, ownerUid);
    }
}
