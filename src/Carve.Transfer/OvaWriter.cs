using System.Security.Cryptography;
using System.Text;

namespace Carve.Transfer;

/// <summary>
/// Packs an OVA the way VMware wants it: the .ovf first, then the .mf, then the disks in References order.
/// The manifest comes before the disks but holds their digests, so it is written with placeholders of the same
/// length, the disks are hashed while they are copied in, and the manifest is then rewritten in place.
/// </summary>
public static class OvaWriter
{
    public static async Task WriteAsync(
        string ovaPath, string ovfName, byte[] ovf, IReadOnlyList<(string Name, string Path)> disks, IProgress<int>? progress, CancellationToken ct)
    {
        var mfName = Path.ChangeExtension(ovfName, ".mf");
        var digests = new List<(string File, string Sha256)> { (ovfName, Convert.ToHexStringLower(SHA256.HashData(ovf))) };
        digests.AddRange(disks.Select(d => (d.Name, new string('0', 64))));
        var now = DateTimeOffset.UtcNow;
        var total = Math.Max(1, disks.Sum(d => new FileInfo(d.Path).Length));
        var copied = 0L;

        await using var output = new FileStream(ovaPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await WriteMemberAsync(output, ovfName, ovf, now, ct);
        var mfOffset = output.Position + UstarHeader.BlockSize;
        await WriteMemberAsync(output, mfName, Encoding.ASCII.GetBytes(Manifest.Format(digests)), now, ct);
        for (var i = 0; i < disks.Count; i++)
        {
            await using var input = new FileStream(disks[i].Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            await output.WriteAsync(UstarHeader.For(disks[i].Name, input.Length, now), ct);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            int n;
            while ((n = await input.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
                copied += n;
                progress?.Report((int)(copied * 100 / total));
            }
            await output.WriteAsync(new byte[UstarHeader.Padding(input.Length)], ct);
            digests[i + 1] = (disks[i].Name, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        // The end of the archive: two zero blocks.
        await output.WriteAsync(new byte[2 * UstarHeader.BlockSize], ct);
        output.Position = mfOffset;
        await output.WriteAsync(Encoding.ASCII.GetBytes(Manifest.Format(digests)), ct);
        await output.FlushAsync(ct);
        RandomAccess.FlushToDisk(output.SafeFileHandle); // fsync: FlushAsync has no flushToDisk
    }

    private static async Task WriteMemberAsync(FileStream output, string name, byte[] data, DateTimeOffset modified, CancellationToken ct)
    {
        await output.WriteAsync(UstarHeader.For(name, data.Length, modified), ct);
        await output.WriteAsync(data, ct);
        await output.WriteAsync(new byte[UstarHeader.Padding(data.Length)], ct);
    }
}
