using Carve.Core.Tests.Support;
using System.Text.Json.Nodes;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Snapshots;

namespace Carve.Core.Tests.Snapshots;

public sealed class SnapshotShapeTests
{
    private static readonly GuestConfig Then = new GuestConfig { Cpus = 1, MemoryMiB = 256, Description = "then" }.WithSpecOf(new { uuid = "u" });
    private static readonly GuestConfig Now = new GuestConfig
    {
        Cpus = 4, MemoryMiB = 1024, Description = "now", Nics = [new GuestNic("net0", "lab", "virtio", "02:00:00:00:00:01")],
    }.WithSpecOf(new { uuid = "u", disks = new[] { "disk0" } });

    [Fact]
    public void A_rollback_takes_back_cpus_and_memory_and_keeps_the_rest_of_today()
    {
        var restored = SnapshotShape.Restore(Now, Then);

        Assert.Equal((1, 256), (restored.Cpus, restored.MemoryMiB));
        Assert.Equal("now", restored.Description);
        Assert.Equal("lab", Assert.Single(restored.Nics).Network);
        Assert.Equal("1 CPU, 256 MiB", SnapshotShape.Describe(restored));
    }

    [Fact]
    public void The_kind_specific_part_stays_as_it_is_today()
    {
        var then = Ct(2, 128, "/tank/old");
        var restored = SnapshotShape.Restore(Ct(1, 512, "/tank/media"), then);

        Assert.Equal((2, 128), (restored.Cpus, restored.MemoryMiB));
        Assert.Equal("/tank/media", restored.Specific!["mounts"][0].GetProperty("hostPath").GetString());
        Assert.Equal("2 CPUs, 128 MiB", SnapshotShape.Describe(then));
    }

    [Fact]
    public void Nothing_changes_for_a_same_shape_or_an_older_snapshot()
    {
        Assert.Same(Now, SnapshotShape.Restore(Now, Now with { Description = "other" }));
        Assert.Same(Now, SnapshotShape.Restore(Now, null));
    }

    [Fact]
    public void A_running_machine_of_another_shape_differs_and_an_unknown_one_does_not()
    {
        Assert.True(SnapshotShape.Differs(Now, Then));
        Assert.False(SnapshotShape.Differs(Then, Then with { Description = "other" }));
        Assert.False(SnapshotShape.Differs(null, Then));
    }

    [Fact]
    public void A_stored_config_reads_back_with_its_kind_specific_part_flat_beside_the_common_one()
    {
        var json = Now.ToJson();
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(4, (int)node["cpus"]!);
        Assert.Equal("u", (string?)node["uuid"]);
        var back = GuestConfig.FromJson(json);
        Assert.Equal((4, 1024, "now"), (back.Cpus, back.MemoryMiB, back.Description));
        Assert.Equal("disk0", back.Specific!["disks"][0].GetString());
        Assert.False(back.Specific.ContainsKey("cpus"));
    }

    private static GuestConfig Ct(int cpus, int memory, string mount) =>
        new GuestConfig { Cpus = cpus, MemoryMiB = memory }.WithSpecOf(new { hostname = "h", mounts = new[] { new { hostPath = mount, guestPath = "/media" } } });
}
