namespace Carve.Lxc.Rootfs;

public static class TarballFormat
{
    public static TarballCompression Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x1f, 0x8b, ..] => TarballCompression.Gzip,
        [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, ..] => TarballCompression.Xz,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => TarballCompression.Zstd,
        _ => TarballCompression.None,
    };

    public static TarballCompression Sniff(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[6];
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Sniff(head.AsSpan(0, n));
    }
}
