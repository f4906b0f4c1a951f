using System.Diagnostics.CodeAnalysis;
using Carve.Contracts.Vms;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Qemu.Guests;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Guests;

/// <summary>A VM create request is checked at the edge, its paths confined, before anything is made.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xUnit v2 disposes a test class through IAsyncLifetime.DisposeAsync, which disposes _kind.")]
public sealed class VmFactoryTests : IAsyncLifetime
{
    private readonly QemuKind _kind = new();
    private readonly VmFactory _factory;

    public VmFactoryTests() => _factory = (VmFactory)_kind.Get<IGuestFactory<CreateVmRequest>>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _kind.DisposeAsync().AsTask();

    private static CreateVmRequest Vm(string name = "web") => new() { Name = name };

    /// <summary>What the VM would be stored as, had it been given id 100.</summary>
    private Planned Validate(CreateVmRequest request)
    {
        var draft = _factory.DraftAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        var config = draft.ConfigFor(100);
        return new Planned(draft.Name, config, VmSpec.Of(config), _factory.PlanDisks(request.Disks));
    }

    private BadRequestException Refused(CreateVmRequest request) =>
        Assert.Throws<BadRequestException>(() => Validate(request));

    private sealed record Planned(string Name, GuestConfig Config, VmSpec Spec, IReadOnlyList<PlannedDisk> Disks);

    [Fact]
    public void Defaults_give_one_cpu_512_MiB_bios_auto_and_one_user_nic()
    {
        var vm = Validate(Vm());
        Assert.Equal("web", vm.Name);
        Assert.Equal(1, vm.Config.Cpus);
        Assert.Equal(512, vm.Config.MemoryMiB);
        Assert.Equal("bios", vm.Spec.Firmware);
        Assert.Equal("auto", vm.Spec.Accel);
        Assert.Empty(vm.Disks);
        var nic = Assert.Single(vm.Config.Nics);
        Assert.Equal(("net0", "user", "virtio"), (nic.Name, nic.Network, nic.Model));
        Assert.Equal(nic.Mac, MacAddresses.Validate(nic.Mac));
        Assert.True(Guid.TryParse(vm.Spec.Uuid, out _));
    }

    [Fact]
    public void Each_vm_gets_its_own_uuid() =>
        Assert.NotEqual(Validate(Vm()).Spec.Uuid, Validate(Vm()).Spec.Uuid);

    [Fact]
    public void An_empty_nic_list_means_no_nics() =>
        Assert.Empty(Validate(Vm() with { Nics = [] }).Config.Nics);

    [Theory]
    [InlineData("bios")]
    [InlineData("uefi")]
    public void Known_firmware_is_accepted(string firmware) =>
        Assert.Equal(firmware, Validate(Vm() with { Firmware = firmware }).Spec.Firmware);

    [Theory]
    [InlineData("efi")]
    [InlineData("BIOS")]
    [InlineData("")]
    public void Unknown_firmware_is_refused(string firmware) =>
        Assert.Contains("firmware", Refused(Vm() with { Firmware = firmware }).Message);

    [Theory]
    [InlineData("auto")]
    [InlineData("kvm")]
    [InlineData("tcg")]
    public void Known_accelerations_are_accepted(string accel) =>
        Assert.Equal(accel, Validate(Vm() with { Accel = accel }).Spec.Accel);

    [Theory]
    [InlineData("hvf")]
    [InlineData("KVM")]
    public void Unknown_accelerations_are_refused(string accel) =>
        Assert.Contains("acceleration", Refused(Vm() with { Accel = accel }).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(257)]
    [InlineData(1000)]
    public void Cpus_outside_1_to_256_are_refused(int cpus) =>
        Assert.Contains("CPUs", Refused(Vm() with { Cpus = cpus }).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData((4 << 20) + 1)]
    public void Memory_outside_its_bounds_is_refused(int mib) =>
        Assert.Contains("Memory", Refused(Vm() with { MemoryMiB = mib }).Message);

    [Fact]
    public void An_invalid_name_is_refused() => Refused(Vm("Bad_Name"));

    [Fact]
    public void A_disk_with_a_size_is_planned_as_an_empty_volume()
    {
        var disk = Assert.Single(Validate(Vm() with { Disks = [new DiskRequest { Size = "8G" }] }).Disks);
        Assert.Equal(new PlannedDisk("disk0", null, 8L << 30, null), disk);
    }

    [Fact]
    public void A_disk_with_an_import_is_planned_from_the_confined_real_path()
    {
        var image = _kind.Image("base.qcow2");
        var disk = Assert.Single(_factory.PlanDisks([new DiskRequest { Import = image, Pool = "fast" }]));
        Assert.Equal(new PlannedDisk("disk0", "fast", null, image), disk);
    }

    [Fact]
    public void A_disk_is_stored_as_a_volume_named_from_the_vm_id_in_its_pool()
    {
        var vm = Validate(Vm() with { Disks = [new DiskRequest { Size = "8G" }], Firmware = "uefi" });
        Assert.Equal(new VmDisk("disk0", "local", "vm-100-disk0.qcow2"), Assert.Single(vm.Spec.Disks));
        Assert.Equal(new VmDisk("efivars", "local", "vm-100-efivars.qcow2"), vm.Spec.EfiVars);
    }

    [Fact]
    public void A_disk_in_a_pool_that_does_not_exist_is_refused() =>
        Assert.Contains("no storage pool", Refused(Vm() with { Disks = [new DiskRequest { Size = "1G", Pool = "fast" }] }).Message);

    [Fact]
    public void Disks_are_named_in_order()
    {
        var vm = Validate(Vm() with { Disks = [new DiskRequest { Size = "1G" }, new DiskRequest { Size = "2G" }] });
        Assert.Equal(["disk0", "disk1"], vm.Disks.Select(d => d.Name));
    }

    [Fact]
    public void A_disk_with_neither_size_nor_import_is_refused() =>
        Assert.Contains("exactly one of size", Refused(Vm() with { Disks = [new DiskRequest()] }).Message);

    [Fact]
    public void A_disk_with_both_size_and_import_is_refused()
    {
        var image = _kind.Image("base.qcow2");
        Assert.Contains("exactly one of size", Refused(Vm() with { Disks = [new DiskRequest { Size = "8G", Import = image }] }).Message);
    }

    [Fact]
    public void A_bad_disk_size_names_the_disk() =>
        Assert.Contains("disk 1", Refused(Vm() with { Disks = [new DiskRequest { Size = "1G" }, new DiskRequest { Size = "8X" }] }).Message);

    [Fact]
    public void An_import_outside_the_roots_is_refused() =>
        Assert.Contains("outside", Refused(Vm() with { Disks = [new DiskRequest { Import = "/etc/passwd" }] }).Message);

    [Fact]
    public void More_than_16_disks_are_refused() =>
        Refused(Vm() with { Disks = Enumerable.Range(0, 17).Select(_ => new DiskRequest { Size = "1G" }).ToList() });

    [Fact]
    public void An_initrd_without_a_kernel_is_refused()
    {
        var initrd = _kind.Image("initrd.img");
        Assert.Contains("needs a kernel", Refused(Vm() with { Initrd = initrd }).Message);
    }

    [Fact]
    public void A_cmdline_without_a_kernel_is_refused() =>
        Assert.Contains("needs a kernel", Refused(Vm() with { Cmdline = "console=ttyS0" }).Message);

    [Fact]
    public void Kernel_initrd_and_cmdline_together_are_accepted()
    {
        var kernel = _kind.Image("vmlinuz");
        var initrd = _kind.Image("initrd.img");
        var spec = Validate(Vm() with { Kernel = kernel, Initrd = initrd, Cmdline = "console=ttyS0" }).Spec;
        Assert.Equal((kernel, initrd, "console=ttyS0"), (spec.Kernel, spec.Initrd, spec.Cmdline));
    }

    [Fact]
    public void A_cmdline_with_a_newline_is_refused()
    {
        var kernel = _kind.Image("vmlinuz");
        Assert.Contains("control characters", Refused(Vm() with { Kernel = kernel, Cmdline = "a\nb" }).Message);
    }

    [Fact]
    public void A_cdrom_outside_the_roots_is_refused() => Refused(Vm() with { Cdrom = "/etc/passwd" });

    [Theory]
    [InlineData("br0")]
    [InlineData("default")]
    [InlineData("")]
    public void A_nic_on_a_network_that_does_not_exist_is_refused(string network) =>
        Assert.Contains("no network", Refused(Vm() with { Nics = [new NicRequest { Network = network }] }).Message);

    [Theory]
    [InlineData("virtio")]
    [InlineData("e1000")]
    public void Known_nic_models_are_accepted(string model) =>
        Assert.Equal(model, Assert.Single(Validate(Vm() with { Nics = [new NicRequest { Model = model }] }).Config.Nics).Model);

    [Fact]
    public void An_unknown_nic_model_is_refused() =>
        Assert.Contains("model of NIC 0", Refused(Vm() with { Nics = [new NicRequest { Model = "rtl8139x" }] }).Message);

    [Fact]
    public void A_given_mac_is_kept_normalized()
    {
        var nic = Assert.Single(Validate(Vm() with { Nics = [new NicRequest { Mac = "02:00:00:AA:BB:CC" }] }).Config.Nics);
        Assert.Equal("02:00:00:aa:bb:cc", nic.Mac);
    }

    [Fact]
    public void A_multicast_mac_is_refused() =>
        Refused(Vm() with { Nics = [new NicRequest { Mac = "01:00:00:aa:bb:cc" }] });

    [Fact]
    public void Two_nics_with_the_same_mac_are_refused()
    {
        var e = Refused(Vm() with { Nics = [new NicRequest { Mac = "02:00:00:aa:bb:cc" }, new NicRequest { Mac = "02:00:00:aa:bb:cc" }] });
        Assert.Contains("same MAC", e.Message);
    }

    [Fact]
    public void Macs_that_differ_only_in_case_are_the_same_mac() =>
        Refused(Vm() with { Nics = [new NicRequest { Mac = "02:00:00:aa:bb:cc" }, new NicRequest { Mac = "02:00:00:AA:BB:CC" }] });

    [Fact]
    public void Several_nics_get_distinct_generated_macs_and_names()
    {
        var nics = Validate(Vm() with { Nics = [new NicRequest(), new NicRequest(), new NicRequest()] }).Config.Nics;
        Assert.Equal(["net0", "net1", "net2"], nics.Select(n => n.Name));
        Assert.Equal(3, nics.Select(n => n.Mac).Distinct().Count());
    }

    [Fact]
    public void A_description_over_4096_characters_is_refused() =>
        Refused(Vm() with { Description = new string('x', 4097) });
}
