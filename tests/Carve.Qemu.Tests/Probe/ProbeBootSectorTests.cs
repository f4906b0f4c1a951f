using Carve.Qemu.Probe;

namespace Carve.Qemu.Tests.Probe;

public sealed class ProbeBootSectorTests
{
    [Fact]
    public void Is_one_sector_with_the_boot_signature()
    {
        var sector = ProbeBootSector.Create();

        Assert.Equal(512, sector.Length);
        Assert.Equal(0x55, sector[510]);
        Assert.Equal(0xaa, sector[511]);
    }

    [Fact]
    public void Writes_the_exit_value_to_the_debug_exit_port_then_halts()
    {
        var sector = ProbeBootSector.Create();

        // mov al, 0x2a; out 0xf4, al; cli; hlt; jmp hlt
        Assert.Equal(new byte[] { 0xb0, 0x2a, 0xe6, 0xf4, 0xfa, 0xf4, 0xeb, 0xfd }, sector[..8]);
        Assert.All(sector[8..510], b => Assert.Equal(0, b));
        Assert.Equal(85, ProbeBootSector.ExpectedExitCode);
    }
}
