using System.Text.Json;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Qemu.Guests;

namespace Carve.Qemu.Tests.Guests;

/// <summary>A VM's config is stored flat, common and VM-specific settings side by side, and reads back whole.</summary>
public sealed class StoredVmConfigTests
{
    private static readonly VmSpec Spec = new()
    {
        Uuid = "0f6c1a52-3e0b-4c47-9a0e-000000000300",
        Firmware = "uefi",
        Accel = "kvm",
        Cdrom = "/var/lib/carve/images/install.iso",
        Kernel = "/var/lib/carve/images/vmlinuz",
        Initrd = "/var/lib/carve/images/initrd.img",
        Cmdline = "console=ttyS0,115200 quiet",
        Disks = [new VmDisk("disk0", "local", "vm-300-disk0.qcow2", Bus: "sata"), new VmDisk("disk1", "fast", "vm-300-disk1.raw", Format: "raw")],
        EfiVars = new VmDisk(VmDisk.EfiVarsName, "local", "vm-300-efivars.qcow2"),
        HostPci = [new VmHostPci("0000:01:00.0", PrimaryGpu: true), new VmHostPci("0000:02:00.0", RomBar: false)],
        HostUsb = ["046d:c52b", "1-1.2"],
    };

    private static readonly GuestConfig Config = GuestConfig.Of(Spec) with
    {
        Cpus = 4,
        MemoryMiB = 4096,
        Description = "round trip",
        Nics =
        [
            new GuestNic("net0", "user", "virtio", "52:54:00:00:03:00"),
            new GuestNic("net1", "lan", "e1000", "52:54:00:00:13:00") { Vlan = 20, Ip = "10.0.0.5", Publish = [new PortPublish("tcp", 8080, 80)] },
        ],
    };

    [Fact]
    public void Common_and_vm_settings_sit_side_by_side_in_one_object()
    {
        using var stored = JsonDocument.Parse(Config.ToJson());
        var keys = stored.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "cpus", "memoryMiB", "nics", "description", "uuid", "firmware", "disks", "efiVars", "hostPci", "hostUsb" });
        Assert.DoesNotContain(keys, k => k.Equals("specific", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_stored_config_reads_back_with_its_common_settings()
    {
        var back = GuestConfig.FromJson(Config.ToJson());

        Assert.Equal((4, 4096, "round trip"), (back.Cpus, back.MemoryMiB, back.Description));
        Assert.Equivalent(Config.Nics, back.Nics, strict: true);
    }

    [Fact]
    public void VmSpec_reads_the_vm_settings_back_from_a_stored_config()
    {
        var back = VmSpec.Of(GuestConfig.FromJson(Config.ToJson()));

        Assert.Equivalent(Spec, back, strict: true);
    }

    [Fact]
    public void A_second_round_trip_writes_the_same_json()
    {
        var once = GuestConfig.FromJson(Config.ToJson()).ToJson();

        Assert.Equal(once, GuestConfig.FromJson(once).ToJson());
    }

    [Fact]
    public void Unknown_vm_settings_survive_a_read_and_write_through_GuestConfig()
    {
        var stored = Config.ToJson().TrimEnd('}') + ""","futureSetting":{"threads":2,"list":[1,"a",null]},"bootOrder":"c"}""";

        var rewritten = (GuestConfig.FromJson(stored) with { Cpus = 8 }).ToJson();

        using var doc = JsonDocument.Parse(rewritten);
        Assert.Equal(8, doc.RootElement.GetProperty("cpus").GetInt32());
        Assert.Equal("""{"threads":2,"list":[1,"a",null]}""", doc.RootElement.GetProperty("futureSetting").GetRawText());
        Assert.Equal("c", doc.RootElement.GetProperty("bootOrder").GetString());
        Assert.Equivalent(Spec, VmSpec.Of(GuestConfig.FromJson(rewritten)), strict: true);
    }
}
