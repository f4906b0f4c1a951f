using System.Security.Cryptography;
using Carve.Core.Errors;

namespace Carve.Transfer;

/// <summary>Checks a byte range of a file against its manifest digest, reading it sequentially once.</summary>
public static class DigestCheck
{
    public static async Task VerifyAsync(string path, long offset, long length, ManifestEntry expected, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(expected.HashName);
        await using var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0, Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
        });
        file.Position = offset;
        var buffer = new byte[1 << 20];
        for (var left = length; left > 0;)
        {
            var n = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            if (n == 0)
                throw new BadRequestException($"{expected.File} ends before its {length} bytes: the package is truncated.");
            hash.AppendData(buffer, 0, n);
            left -= n;
        }
        Check(expected, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static void Verify(byte[] data, ManifestEntry expected)
    {
        // SHA1 only checks packages from older VMware tools against damage, never to sign anything.
        using var hash = IncrementalHash.CreateHash(expected.HashName);
        hash.AppendData(data);
        Check(expected, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static void Check(ManifestEntry expected, string actual)
    {
        if (actual != expected.Digest)
            throw new BadRequestException(
                $"The {expected.Algorithm} digest of {expected.File} does not match the manifest: the package is damaged or was changed.");
    }
}
