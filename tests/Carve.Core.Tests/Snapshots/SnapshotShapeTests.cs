using Carve.Core.Containers;
using Carve.Core.Snapshots;
using Carve.Core.Vms;

namespace Carve.Core.Tests.Snapshots;

public sealed class SnapshotShapeTests
{
    private static readonly string Then = new VmConfig { Uuid = "u", Cpus = 1, MemoryMiB = 256, Description = "then" }.ToJson();
    private static readonly string Now = new VmConfig
    {
        Uuid = "u", Cpus = 4, MemoryMiB = 1024, Description = "now", Nics = [new VmNic("net0", "lab", "virtio", "02:00:00:00:00:01")],
    }.ToJson();

    [Fact]
    public void A_vm_rollback_takes_back_cpus_and_memory_and_keeps_the_rest_of_today()
    {
        var restored = VmConfig.FromJson(SnapshotShape.Restore("vm", Now, Then));

        Assert.Equal((1, 256), (restored.Cpus, restored.MemoryMiB));
        Assert.Equal("now", restored.Description);
        Assert.Equal("lab", Assert.Single(restored.Nics).Network);
        Assert.Equal("1 CPU, 256 MiB", SnapshotShape.Describe("vm", SnapshotShape.Restore("vm", Now, Then)));
    }

    [Fact]
    public void A_container_rollback_takes_back_its_limits_and_keeps_its_mounts()
    {
        var then = Ct(2, 128, "/tank/old");
        var restored = CtConfig.FromJson(SnapshotShape.Restore("ct", Ct(1, 512, "/tank/media"), then));

        Assert.Equal((2, 128), (restored.Cpus, restored.MemoryMiB));
        Assert.Equal("/tank/media", Assert.Single(restored.Mounts).HostPath);
        Assert.Equal("2 CPUs, 128 MiB", SnapshotShape.Describe("ct", then));
    }

    [Fact]
    public void Nothing_changes_for_a_same_shape_or_an_older_snapshot()
    {
        Assert.Same(Now, SnapshotShape.Restore("vm", Now, Now));
        Assert.Same(Now, SnapshotShape.Restore("vm", Now, null));
    }

    private static string Ct(int cpus, int memory, string mount) => new CtConfig
    {
        Hostname = "h", Template = "busybox", Pool = "local", RootfsVolume = "ct-100-rootfs", Cpus = cpus, MemoryMiB = memory,
        Mounts = [new CtMount(mount, "/media", false)],
    }.ToJson();

    [Fact]
    public void A_running_machine_of_another_shape_differs_and_an_unknown_one_does_not()
    {
        Assert.True(SnapshotShape.Differs("vm", Now, Then));
        Assert.False(SnapshotShape.Differs("vm", Then, Then));
        Assert.False(SnapshotShape.Differs("vm", null, Then));
        Assert.False(SnapshotShape.Differs("ct", Now, Then));
    }
}
