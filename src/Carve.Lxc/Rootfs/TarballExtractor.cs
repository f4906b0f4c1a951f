using System.Formats.Tar;
using System.IO.Compression;
using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Host.Processes;

namespace Carve.Lxc.Rootfs;

/// <summary>
/// Unpacks a rootfs tarball into a directory and nowhere else: member names with '..' or a leading '/', parents
/// that are symlinks, relative symlinks and hard links that leave the tree are refused, and the data is capped.
/// Ids are shifted into the container's range on the way for unprivileged containers. Device nodes are skipped:
/// LXC gives every container a fresh /dev.
/// </summary>
public sealed partial class TarballExtractor
{
    /// <summary>Each entry counts this much towards the cap too, so a flood of empty files is also bounded.</summary>
    private const long EntryOverhead = 512;

    private readonly string _root;
    private readonly IdMapping? _mapping;
    private readonly long _maxBytes;
    private long _bytes;
    private long _entries;
    private int _skippedDevices;

    private TarballExtractor(string root, IdMapping? mapping, long maxBytes)
    {
        _root = root;
        _mapping = mapping;
        _maxBytes = maxBytes;
    }

    /// <summary>Extracts a .tar, .tar.gz, .tar.xz or .tar.zst (told by content) into the existing directory <paramref name="root"/>.</summary>
    public static async Task<ExtractResult> ExtractFileAsync(string tarball, string root, IdMapping? mapping, long maxBytes, CancellationToken ct)
    {
        var compression = TarballFormat.Sniff(tarball);
        if (compression is TarballCompression.None or TarballCompression.Gzip)
        {
            await using var file = File.OpenRead(tarball);
            await using Stream input = compression == TarballCompression.Gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            return await ExtractAsync(input, root, mapping, maxBytes, ct);
        }
        var (tool, package) = compression == TarballCompression.Xz ? ("xz", "xz-utils") : ("zstd", "zstd");
        if (ExecutableLookup.Find(tool) is null)
            throw new BadRequestException($"{Names.Printable(tarball)} is {tool}-compressed and {tool} is not installed (Debian package {package}).");
        await using var decompressor = StreamingProcess.Start(tool, ["-d", "-c", "-q", "--", tarball]);
        decompressor.Stdin.Close();
        var stderr = decompressor.ReadStderrAsync(ct);
        ExtractResult result;
        try
        {
            result = await ExtractAsync(decompressor.Stdout, root, mapping, maxBytes, ct);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new BadRequestException($"{tool} could not decompress {Names.Printable(tarball)}: {await stderr}");
        }
        if (await decompressor.WaitForExitAsync(ct) != 0)
            throw new BadRequestException($"{tool} could not decompress {Names.Printable(tarball)}: {await stderr}");
        return result;
    }

    /// <summary>Extracts an uncompressed tar stream.</summary>
    public static async Task<ExtractResult> ExtractAsync(Stream tar, string root, IdMapping? mapping, long maxBytes, CancellationToken ct)
    {
        if (Native.Libc.LStat(root) is not { IsDirectory: true })
            throw new OperationFailedException($"The extraction target {root} is not a directory.");
        var extractor = new TarballExtractor(root, mapping, maxBytes);
        // The container's root owns "/" even when the archive has no "./" entry to say so.
        Native.Libc.LChown(root, extractor.RootUid, extractor.RootUid);
        try
        {
            await using var reader = new TarReader(tar, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, ct) is { } entry)
                await extractor.WriteAsync(entry, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new BadRequestException($"The archive is not a valid tar file: {e.Message}");
        }
        return new ExtractResult(extractor._entries, extractor._bytes, extractor._skippedDevices);
    }

    private void Count(string name, long bytes)
    {
        _entries++;
        _bytes += bytes;
        if (_bytes + (_entries * EntryOverhead) > _maxBytes)
            throw RootfsPath.Refuse(name, $"takes the archive past the limit of {Sizes.Format(_maxBytes)}");
    }

    private int HostUid(int id) => _mapping?.ToHost(id) ?? id;

    private int RootUid => HostUid(0);
}
