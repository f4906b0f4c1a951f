using Carve.Host.Processes;
using Carve.Qemu.Qmp;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Qmp;

/// <summary>
/// Internal snapshots on a real QEMU 7.2 that has a qcow2 disk and a qcow2 UEFI variable store on pflash: the
/// case libvirt refuses. Both images must get every snapshot.
/// </summary>
public sealed class QmpSnapshotRealQemuTests
{
    [QemuFact]
    public async Task Saves_loads_and_deletes_snapshots_over_a_disk_and_qcow2_pflash_vars()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("qmp.sock");
        var disk = dir.File("disk0.qcow2");
        var vars = dir.File("vars.qcow2");
        await RunImgAsync("create", "-q", "-f", "qcow2", disk, "64M");
        await RunImgAsync("convert", "-f", "raw", "-O", "qcow2", RealQemu.OvmfVars, vars);
        var (qemu, qmp) = await RunningQemu.StartAsync(
        [
            "-accel", "tcg", "-machine", "q35", "-nodefaults", "-display", "none", "-S", "-m", "64",
            "-qmp", $"unix:{socket},server=on,wait=off",
            "-drive", $"if=pflash,format=raw,unit=0,file={RealQemu.OvmfCode},readonly=on",
            "-drive", $"if=pflash,format=qcow2,unit=1,file={vars}",
            "-drive", $"if=none,id=disk0,file={disk},format=qcow2",
            "-device", "virtio-blk-pci,drive=disk0,id=disk0",
        ], socket);
        await using var _ = qemu;
        await using var __ = qmp;
        var ct = CancellationToken.None;

        var block = await qmp.QueryBlockAsync(ct);
        var nodes = new[] { "disk0", "pflash1" }.Select(d => block.Single(b => b.Device == d).NodeName!).ToList();
        await qmp.InternalSnapshotTransactionAsync(["disk0", "pflash1"], "disks", ct);
        await qmp.SnapshotSaveAsync("carve-snap-1", "ram", nodes[0], nodes, ct);
        await qmp.WaitForJobAsync("carve-snap-1", TimeSpan.FromMinutes(2), ct);
        var info = await qmp.HumanMonitorCommandAsync("info snapshots", ct);
        Assert.Contains("ram", info, StringComparison.Ordinal);
        Assert.Contains("disks", info, StringComparison.Ordinal);

        await qmp.SnapshotLoadAsync("carve-snap-1", "ram", nodes[0], nodes, ct);
        await qmp.WaitForJobAsync("carve-snap-1", TimeSpan.FromMinutes(2), ct);
        var missing = await Assert.ThrowsAsync<QmpException>(() => LoadAsync(qmp, "nope", nodes));
        Assert.Equal("JobFailed", missing.Class);
        Assert.Empty(await qmp.QueryJobsAsync(ct));

        await qmp.SnapshotDeleteAsync("carve-snap-1", "ram", nodes, ct);
        await qmp.WaitForJobAsync("carve-snap-1", TimeSpan.FromMinutes(2), ct);
        await qmp.QuitAsync(ct);
        await qemu.ExitAsync();
        // Both images keep "disks" and lost "ram": the variable store is part of every snapshot.
        foreach (var image in new[] { disk, vars })
        {
            var list = await RunImgAsync("snapshot", "-l", image);
            Assert.Contains("disks", list, StringComparison.Ordinal);
            Assert.DoesNotContain("ram", list, StringComparison.Ordinal);
        }
    }

    private static async Task LoadAsync(QmpClient qmp, string tag, IReadOnlyList<string> nodes)
    {
        await qmp.SnapshotLoadAsync("carve-snap-2", tag, nodes[0], nodes, CancellationToken.None);
        await qmp.WaitForJobAsync("carve-snap-2", TimeSpan.FromMinutes(2), CancellationToken.None);
    }

    private static async Task<string> RunImgAsync(params string[] args)
    {
        var result = await new ProcessRunner().RunAsync(new ProcessSpec(RealQemu.Img, args), CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return result.Stdout;
    }
}
