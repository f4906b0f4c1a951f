using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Carve.Transfer;

/// <summary>
/// A POSIX ustar header for a plain file, written by hand so the OVA's layout (and so the manifest's place in
/// it) is known exactly. Sizes of 8 GiB and more use the base-256 size field that GNU tar, bsdtar and
/// VirtualBox read.
/// </summary>
public static class UstarHeader
{
    public const int BlockSize = 512;

    public static byte[] For(string name, long size, DateTimeOffset modified)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        if (nameBytes.Length > 100 || name.Any(c => c > 0x7e))
            throw new ArgumentException($"OVA member names must be ASCII and at most 100 bytes: {name}", nameof(name));
        var h = new byte[BlockSize];
        nameBytes.CopyTo(h, 0);
        Octal(h, 100, 8, 0b110_100_100);
        Octal(h, 108, 8, 0);
        Octal(h, 116, 8, 0);
        if (size < 1L << 33)
        {
            Octal(h, 124, 12, size);
        }
        else
        {
            h[124] = 0x80;
            BinaryPrimitives.WriteInt64BigEndian(h.AsSpan(128), size);
        }
        Octal(h, 136, 12, modified.ToUnixTimeSeconds());
        h[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(h, 257);
        Encoding.ASCII.GetBytes("root").CopyTo(h, 265);
        Encoding.ASCII.GetBytes("root").CopyTo(h, 297);
        // The checksum is taken with its own field as spaces, and written as six octal digits, NUL, space.
        h.AsSpan(148, 8).Fill((byte)' ');
        var sum = h.Sum(b => (int)b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(h, 148);
        return h;
    }

    /// <summary>Zero bytes that round <paramref name="size"/> up to a whole block.</summary>
    public static int Padding(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);

    private static void Octal(byte[] h, int offset, int width, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0') + "\0").CopyTo(h, offset);
}
