using System.Buffers.Binary;

namespace Carve.Lxc.Native;

/// <summary>Just enough ELF to tell a static binary (no program interpreter) from one that needs the host's libc.</summary>
public static class ElfFile
{
    private const uint ProgramInterpreter = 3;

    /// <summary>True for a 64-bit little-endian ELF without PT_INTERP, such as busybox-static's busybox.</summary>
    public static bool IsStatic(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[64];
        if (file.Read(header) < 64 || header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F')
            return false;
        if (header[4] != 2 || header[5] != 1)
            return false;
        var programHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(32));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(54));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(56));
        var entry = new byte[Math.Max((int)entrySize, 4)];
        for (var i = 0; i < count; i++)
        {
            file.Seek(programHeaders + (i * (long)entrySize), SeekOrigin.Begin);
            if (file.Read(entry) < 4)
                return false;
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry) == ProgramInterpreter)
                return false;
        }
        return true;
    }
}
