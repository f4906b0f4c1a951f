using System.Diagnostics.CodeAnalysis;

namespace Carve.Api.Tests.Transfer;

/// <summary>A small raw disk with data in a few places and holes elsewhere, so that copies can be compared and sparseness seen.</summary>
public static class TestDisk
{
    public const long Size = 32L << 20;

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Seeded on purpose: the same test bytes every run, nothing secret.")]
    public static string Create(string path)
    {
        var random = new Random(7);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(Size);
        foreach (var offset in new[] { 0L, 5L << 20, 17L << 20, Size - (1 << 20) })
        {
            var block = new byte[1 << 20];
            random.NextBytes(block);
            file.Position = offset;
            file.Write(block);
        }
        return path;
    }
}
