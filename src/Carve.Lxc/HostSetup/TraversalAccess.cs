using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Carve.Core.Errors;
using Carve.Host.Processes;
using Carve.Lxc.Native;

namespace Carve.Lxc.HostSetup;

/// <summary>
/// An unprivileged container's root (host uid 100000) must be able to walk down to its rootfs, but carved keeps
/// its data dir 0700. Rather than opening the directory to everyone, each closed ancestor gets an ACL entry that
/// lets just that uid through (search only, no listing), as LXC itself suggests.
/// </summary>
public sealed partial class TraversalAccess(IProcessRunner runner)
{
    private const ushort AclUser = 0x02;
    private const ushort AclMask = 0x10;
    private const ushort Execute = 0x01;

    /// <returns>The directories that were given an ACL entry.</returns>
    public async Task<IReadOnlyList<string>> GrantAsync(string path, int uid, CancellationToken ct)
    {
        var granted = new List<string>();
        foreach (var dir in Ancestors(path))
        {
            var status = Libc.LStat(dir);
            if (status is null || (status.Mode & 0x1) != 0 || AclLetsThrough(dir, uid))
                continue;
            var result = await runner.RunAsync(new ProcessSpec("setfacl", ["-m", $"u:{uid}:x", dir]) { Timeout = TimeSpan.FromSeconds(30) }, ct);
            if (result.ExitCode == 127)
                throw new OperationFailedException(
                    $"Unprivileged containers need {dir} to be searchable by host uid {uid}; install the Debian package acl (setfacl) or make it o+x.");
            if (!result.Succeeded)
                throw new OperationFailedException($"setfacl could not open {dir} to host uid {uid}: {result.LastErrorLine}");
            granted.Add(dir);
        }
        return granted;
    }

    /// <summary>"/", "/var", "/var/lib", ... up to the parent of <paramref name="path"/>.</summary>
    public static IEnumerable<string> Ancestors(string path)
    {
        var parts = Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        yield return "/";
        for (var i = 1; i < parts.Length; i++)
            yield return "/" + string.Join('/', parts[..i]);
    }

    /// <summary>Reads the access ACL (system.posix_acl_access: a version word, then tag/perm/id entries).</summary>
    private static bool AclLetsThrough(string dir, int uid)
    {
        var buffer = new byte[1024];
        var length = lgetxattr(dir, "system.posix_acl_access", buffer, buffer.Length);
        if (length < 4)
            return false;
        bool user = false, mask = true;
        for (var offset = 4; offset + 8 <= length; offset += 8)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset));
            var perm = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 2));
            var id = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
            if (tag == AclUser && id == (uint)uid)
                user = (perm & Execute) != 0;
            else if (tag == AclMask)
                mask = (perm & Execute) != 0;
        }
        return user && mask;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint lgetxattr(string path, string name, byte[] value, nint size);
}
