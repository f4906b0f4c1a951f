namespace Carve.Qemu.Probe;

/// <summary>
/// A 512-byte x86 boot sector that proves a guest executed: it writes <see cref="ExitValue"/> to
/// QEMU's isa-debug-exit port, which ends QEMU with exit code <see cref="ExpectedExitCode"/>.
/// </summary>
public static class ProbeBootSector
{
    public const int Size = 512;
    public const byte DebugExitPort = 0xf4;
    public const byte ExitValue = 0x2a;

    /// <summary>isa-debug-exit exits with (value &lt;&lt; 1) | 1.</summary>
    public const int ExpectedExitCode = (ExitValue << 1) | 1;

    // Real mode at 0000:7c00. No stack, no data: nothing that depends on the BIOS's state.
    private static readonly byte[] Code =
    [
        0xb0, ExitValue,     // mov al, ExitValue
        0xe6, DebugExitPort, // out DebugExitPort, al   -> QEMU exits here
        0xfa,                // cli
        0xf4,                // hlt                     -> only reached if the port is missing
        0xeb, 0xfd,          // jmp short hlt
    ];

    public static byte[] Create()
    {
        var sector = new byte[Size];
        Code.CopyTo(sector, 0);
        // The BIOS boots a sector only if it ends with the 0x55 0xAA signature.
        sector[510] = 0x55;
        sector[511] = 0xaa;
        return sector;
    }
}
