using System.Buffers.Binary;
using System.Text;
using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Transfer;

/// <summary>
/// Names the format of an image from its magic bytes, so that qemu never probes it: raw, qcow2, vmdk, vpc (VHD),
/// vhdx or vdi. The VMDK variants that can make qemu open other files are checked or refused here.
/// </summary>
public static class ImageSniffer
{
    /// <summary>
    /// The source to hand qemu-img for the bytes [offset, offset+length) of <paramref name="path"/>. A byte range
    /// (a member of an OVA) must be self-contained: a VMDK text descriptor there is refused.
    /// </summary>
    public static ImageSource Sniff(string path, long offset, long length, bool isRange, string label)
    {
        var head = new byte[1024];
        var tail = new byte[512];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            file.Position = offset;
            var wanted = (int)Math.Min(head.Length, length);
            file.ReadAtLeast(head.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            if (length >= 1024)
            {
                file.Position = offset + length - tail.Length;
                file.ReadExactly(tail);
            }
        }
        var format = Format(head, tail, label);
        if (format == "vmdk-descriptor")
        {
            if (isRange)
                throw new BadRequestException(
                    $"{label} is a VMDK descriptor that names separate extent files; a disk inside an OVA must be self-contained (streamOptimized or monolithicSparse).");
            VmdkDescriptor.CheckExtents(path);
            format = "vmdk";
        }
        return isRange ? new ImageSource(path, format, offset, length) : new ImageSource(path, format);
    }

    private static string Format(byte[] head, byte[] tail, string label)
    {
        var magic = Encoding.ASCII.GetString(head, 0, 8);
        if (magic.StartsWith("KDMV", StringComparison.Ordinal))
        {
            // A capacity of 0 makes qemu read the embedded descriptor as a descriptor file, with extents anywhere.
            if (BinaryPrimitives.ReadUInt64LittleEndian(head.AsSpan(12)) == 0)
                throw new BadRequestException($"{label} is a sparse VMDK with no capacity that defers to an embedded descriptor; refused.");
            return "vmdk";
        }
        if (magic.StartsWith("COWD", StringComparison.Ordinal))
            return "vmdk";
        if (head is [(byte)'Q', (byte)'F', (byte)'I', 0xfb, ..])
            return "qcow2";
        if (magic == "vhdxfile")
            return "vhdx";
        if (magic == "conectix" || Encoding.ASCII.GetString(tail, 0, 8) == "conectix")
            return "vpc";
        if (BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(0x40)) == 0xbeda107f)
            return "vdi";
        if (magic.StartsWith("QED\0", StringComparison.Ordinal) || head is [(byte)'L', (byte)'U', (byte)'K', (byte)'S', 0xba, 0xbe, ..])
            throw new BadRequestException($"{label} is a QED or LUKS image; import vmdk, vhdx, vhd, vdi, qcow2 or raw.");
        var text = Encoding.Latin1.GetString(head);
        if (text.StartsWith("# Disk DescriptorFile", StringComparison.OrdinalIgnoreCase)
            || (text.Contains("createType", StringComparison.Ordinal) && text.Contains("version=", StringComparison.Ordinal)))
            return "vmdk-descriptor";
        return "raw";
    }
}
