using Carve.Host.Processes;
using Carve.Qemu.Qmp;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Qmp;

/// <summary>The client against a real qemu-system-x86_64 7.2 under TCG, paused with -S.</summary>
public sealed class QmpClientRealQemuTests
{
    [QemuFact]
    public async Task Queries_status_and_kvm_resizes_a_disk_then_quits()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("qmp.sock");
        var image = dir.File("disk0.qcow2");
        var created = await new ProcessRunner().RunAsync(
            new ProcessSpec(RealQemu.Img, ["create", "-q", "-f", "qcow2", image, "64M"]), CancellationToken.None);
        Assert.True(created.Succeeded, created.Stderr);
        var (qemu, qmp) = await RunningQemu.StartAsync(
        [
            "-accel", "tcg", "-machine", "q35", "-nodefaults", "-display", "none", "-S",
            "-qmp", $"unix:{socket},server=on,wait=off",
            "-drive", $"if=none,id=disk0,file={image},format=qcow2",
            "-device", "virtio-blk-pci,drive=disk0,id=disk0",
        ], socket);
        await using var _ = qemu;
        await using var __ = qmp;

        Assert.True(qmp.Version.IsAtLeast(7, 0), qmp.Version.ToString());
        Assert.Equal(new QmpStatus("prelaunch", false), await qmp.QueryStatusAsync(CancellationToken.None));
        Assert.False((await qmp.QueryKvmAsync(CancellationToken.None)).Enabled);

        await qmp.BlockResizeAsync("disk0", 128L << 20, CancellationToken.None);
        var disk = Assert.Single(await qmp.QueryBlockAsync(CancellationToken.None));
        Assert.Equal(("disk0", image, 128L << 20), (disk.Device, disk.File, disk.VirtualSize));
        Assert.Contains("/disk0/", disk.QdevPath);
        var cpu = Assert.Single(await qmp.QueryCpusFastAsync(CancellationToken.None));
        Assert.True(cpu.ThreadId > 0);
        Assert.StartsWith("7.", await qmp.HumanMonitorCommandAsync("info version", CancellationToken.None));
        var error = await Assert.ThrowsAsync<QmpException>(() => qmp.BlockResizeAsync("nope", 1 << 20, CancellationToken.None));
        Assert.Equal("GenericError", error.Class);

        var shutdown = qmp.WaitForEventAsync(QmpEventNames.Shutdown, TimeSpan.FromSeconds(10), CancellationToken.None);
        await qmp.QuitAsync(CancellationToken.None);
        Assert.Equal("host-qmp-quit", (await shutdown).GetString("reason"));
        var exit = await qemu.ExitAsync();
        Assert.Equal(0, exit.ExitCode);
        await qmp.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(qmp.IsConnected);
    }
}
