using System.Formats.Tar;
using Carve.Lxc.Guests;
using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Lxc.Native;
using Carve.Host.Processes;

namespace Carve.Lxc.Rootfs;

/// <summary>
/// The `carve ct export` tarball: carve-ct.json, then the rootfs walked with lstat (no symlink is followed) with
/// its ids shifted back to 0-based, as pax tar streamed through zstd. Device nodes and sockets are left out: LXC
/// gives every container a fresh /dev. Extended attributes (file capabilities) are not kept.
/// </summary>
public sealed class CtArchiver : ICtArchiver
{
    private const int Nobody = 65534;

    public async Task WriteAsync(string rootfs, int idBase, int idCount, CtArchiveConfig config, string target, CancellationToken ct)
    {
        await using var zstd = StreamingProcess.Start("zstd", ["-q", "-T0", "-o", target, "-"]);
        var stderr = zstd.ReadStderrAsync(ct);
        try
        {
            await using (var writer = new TarWriter(zstd.Stdin, TarEntryFormat.Pax, leaveOpen: true))
            {
                var json = config.ToJson();
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, CtArchiveConfig.MemberName)
                {
                    Mode = (UnixFileMode)0b110_100_100, ModificationTime = DateTimeOffset.UtcNow, DataStream = new MemoryStream(json),
                }, ct);
                await new Walk(writer, rootfs, id => id >= idBase && id - idBase < idCount ? id - idBase : Nobody).RunAsync(ct);
            }
            zstd.Stdin.Close();
        }
        catch (IOException e) when (zstd.HasExited)
        {
            throw new OperationFailedException($"zstd failed writing {target}: {await stderr} ({e.Message})");
        }
        catch
        {
            zstd.Kill();
            throw;
        }
        if (await zstd.WaitForExitAsync(ct) != 0)
            throw new OperationFailedException($"zstd failed writing {target}: {await stderr}");
    }

    public async Task<CtArchiveConfig> ReadConfigAsync(string tarball, CancellationToken ct)
    {
        if (TarballFormat.Sniff(tarball) != TarballCompression.Zstd)
            throw new BadRequestException($"{Names.Printable(tarball)} is not a container export (a zstd-compressed tar from `carve ct export`).");
        await using var zstd = StreamingProcess.Start("zstd", ["-d", "-c", "-q", "--", tarball]);
        zstd.Stdin.Close();
        try
        {
            await using var reader = new TarReader(zstd.Stdout, leaveOpen: true);
            var entry = await reader.GetNextEntryAsync(copyData: false, ct);
            if (entry is null || entry.Name != CtArchiveConfig.MemberName || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                throw new BadRequestException($"{Names.Printable(tarball)} is not a container export: it does not begin with {CtArchiveConfig.MemberName}.");
            if (entry.Length > CtArchiveConfig.MaxBytes || entry.DataStream is null)
                throw new BadRequestException($"The {CtArchiveConfig.MemberName} of {Names.Printable(tarball)} is larger than {CtArchiveConfig.MaxBytes} bytes.");
            var json = new byte[entry.Length];
            await entry.DataStream.ReadExactlyAsync(json, ct);
            return CtArchiveConfig.Parse(json);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BadRequestException($"{Names.Printable(tarball)} is not a valid container export: {e.Message}");
        }
        finally
        {
            // Only the first member is wanted: the rest of the rootfs is not decompressed.
            zstd.Kill();
        }
    }

    private sealed class Walk(TarWriter writer, string root, Func<int, int> toContainer)
    {
        /// <summary>The first name of each file with several links, so later names become hard links to it.</summary>
        private readonly Dictionary<ulong, string> _linked = [];

        public async Task RunAsync(CancellationToken ct)
        {
            await WriteAsync(root, "./", Libc.LStat(root) ?? throw new OperationFailedException($"The rootfs {root} is missing."), ct);
            var pending = new Stack<(string Path, string Name)>();
            pending.Push((root, ""));
            while (pending.TryPop(out var dir))
            {
                foreach (var path in Directory.EnumerateFileSystemEntries(dir.Path).Order(StringComparer.Ordinal))
                {
                    ct.ThrowIfCancellationRequested();
                    var name = dir.Name + Path.GetFileName(path);
                    if (Libc.LStat(path) is not { } status)
                        continue;
                    if (status.IsDirectory)
                    {
                        await WriteAsync(path, name + "/", status, ct);
                        pending.Push((path, name + "/"));
                    }
                    else
                    {
                        await WriteAsync(path, name, status, ct);
                    }
                }
            }
        }

        private async Task WriteAsync(string path, string name, FileStatus status, CancellationToken ct)
        {
            var type = (status.Mode & 0xF000) switch
            {
                0x4000 => TarEntryType.Directory,
                0x8000 => TarEntryType.RegularFile,
                0xA000 => TarEntryType.SymbolicLink,
                0x1000 => TarEntryType.Fifo,
                _ => (TarEntryType?)null,
            };
            if (type is not { } kind)
                return;
            if (kind == TarEntryType.RegularFile && status.Links > 1)
            {
                if (_linked.TryGetValue(status.Inode, out var first))
                {
                    var link = Entry(TarEntryType.HardLink, name, status);
                    link.LinkName = first;
                    await writer.WriteEntryAsync(link, ct);
                    return;
                }
                _linked[status.Inode] = name;
            }
            var entry = Entry(kind, name, status);
            if (kind == TarEntryType.SymbolicLink)
                entry.LinkName = new FileInfo(path).LinkTarget ?? "";
            if (kind != TarEntryType.SymbolicLink)
                entry.ModificationTime = File.GetLastWriteTimeUtc(path);
            if (kind != TarEntryType.RegularFile)
            {
                await writer.WriteEntryAsync(entry, ct);
                return;
            }
            await using var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            entry.DataStream = data;
            await writer.WriteEntryAsync(entry, ct);
        }

        private PaxTarEntry Entry(TarEntryType type, string name, FileStatus status) => new(type, name)
        {
            Uid = toContainer(status.Uid), Gid = toContainer(status.Gid), Mode = (UnixFileMode)(status.Mode & 0xFFF),
        };
    }
}
