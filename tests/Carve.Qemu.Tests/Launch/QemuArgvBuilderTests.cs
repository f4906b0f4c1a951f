using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

public sealed class QemuArgvBuilderTests
{
    private static readonly QemuLaunchSpec Spec = GoldenCases.Base(200, "unit");

    [Fact]
    public void A_comma_in_a_disk_path_is_doubled_inside_the_drive_option()
    {
        var argv = QemuArgvBuilder.Build(Spec with { Disks = [new QemuDisk("disk0", "/tmp/a,b")] });

        Assert.Contains("if=none,id=disk0,file=/tmp/a,,b,format=qcow2,cache=writeback,discard=unmap", argv);
    }

    public static TheoryData<string, Func<QemuLaunchSpec, QemuLaunchSpec>> ControlCharacterSpecs => new()
    {
        { "disk image", s => s with { Disks = [new QemuDisk("disk0", "/tmp/x\n-y")] } },
        { "CD-ROM image", s => s with { CdromPath = "/tmp/x\n-y" } },
        { "serial log", s => s with { SerialLog = "/tmp/x\r\n-y" } },
        { "pid file", s => s with { PidFile = "/tmp/x\0y" } },
        { "VM name", s => s with { Name = "vm\n-device" } },
        { "kernel command line", s => s with { KernelPath = "/boot/vmlinuz", Cmdline = "quiet\ninit=/bin/sh" } },
        { "UEFI variable store", s => s with { Uefi = new QemuFirmware("/fw/code.fd", "/fw/vars\n.fd") } },
    };

    [Theory]
    [MemberData(nameof(ControlCharacterSpecs))]
    public void Values_with_control_characters_are_rejected(string what, Func<QemuLaunchSpec, QemuLaunchSpec> edit)
    {
        var error = Assert.Throws<ArgumentException>(() => QemuArgvBuilder.Build(edit(Spec)));

        Assert.Contains(what, error.Message);
        Assert.Contains("control character", error.Message);
    }

    [Fact]
    public void The_kernel_command_line_is_its_own_argv_element_and_not_escaped()
    {
        const string cmdline = "console=ttyS0,115200 root=/dev/vda rw -device foo";

        var argv = QemuArgvBuilder.Build(Spec with { KernelPath = "/boot/vmlinuz", Cmdline = cmdline }).ToList();

        Assert.Equal(cmdline, argv[argv.IndexOf("-append") + 1]);
        Assert.DoesNotContain(argv, a => a == "-device" && argv[argv.IndexOf(a) + 1] == "foo");
    }

    [Theory]
    [InlineData("disk0.qcow2")]
    [InlineData("json:{\"driver\":\"file\",\"filename\":\"/etc/shadow\"}")]
    [InlineData("nbd:evil:10809")]
    public void Disk_paths_must_be_absolute_so_QEMU_cannot_read_them_as_protocols(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => QemuArgvBuilder.Build(Spec with { Disks = [new QemuDisk("disk0", path)] }));

        Assert.Contains("absolute path", error.Message);
    }

    [Fact]
    public void Disks_boot_before_the_cdrom()
    {
        var argv = QemuArgvBuilder.Build(Spec with
        {
            Disks = [new QemuDisk("disk0", "/d0.qcow2"), new QemuDisk("disk1", "/d1.qcow2", Bus: "sata")],
            CdromPath = "/install.iso",
        });

        Assert.Contains("virtio-blk-pci,drive=disk0,id=disk0,bootindex=1", argv);
        Assert.Contains("ide-hd,bus=ide.0,drive=disk1,id=disk1,bootindex=2", argv);
        Assert.Contains("ide-cd,bus=ide.1,drive=cdrom0,id=cdrom0,bootindex=3", argv);
    }

    [Fact]
    public void Without_disks_the_cdrom_boots_first()
    {
        var argv = QemuArgvBuilder.Build(Spec with { CdromPath = "/install.iso" });

        Assert.Contains("ide-cd,bus=ide.0,drive=cdrom0,id=cdrom0,bootindex=1", argv);
    }

    [Theory]
    [InlineData("kvm", "host")]
    [InlineData("tcg", "max")]
    public void The_cpu_model_follows_the_accelerator(string accel, string cpu)
    {
        var argv = QemuArgvBuilder.Build(Spec with { Accel = accel }).ToList();

        Assert.Equal(accel, argv[argv.IndexOf("-accel") + 1]);
        Assert.Equal(cpu, argv[argv.IndexOf("-cpu") + 1]);
    }

    public static TheoryData<string, Func<QemuLaunchSpec, QemuLaunchSpec>> InvalidSpecs => new()
    {
        { "Accel", s => s with { Accel = "auto" } },
        { "UUID", s => s with { Uuid = "not-a-uuid" } },
        { "machine type", s => s with { Machine = "q35,accel=kvm" } },
        { "Cpus", s => s with { Cpus = 0 } },
        { "MemoryMiB", s => s with { MemoryMiB = 8 } },
        { "used twice", s => s with { Disks = [new QemuDisk("x0", "/a"), new QemuDisk("x0", "/b")] } },
        { "reserved", s => s with { Nics = [new QemuNic("qmp", "52:54:00:00:00:01")] } },
        { "not a valid QEMU id", s => s with { Disks = [new QemuDisk("disk0,bootindex=0", "/a")] } },
        { "unknown bus", s => s with { Disks = [new QemuDisk("disk0", "/a", Bus: "scsi")] } },
        { "room for 6", s => s with { Disks = [.. Enumerable.Range(0, 7).Select(i => new QemuDisk($"d{i}", "/a", Bus: "sata"))] } },
        { "MAC", s => s with { Nics = [new QemuNic("net0", "52:54:00:00:00:01,x=y")] } },
        { "unknown model", s => s with { Nics = [new QemuNic("net0", "52:54:00:00:00:01", Model: "rtl8139")] } },
        { "unknown backend", s => s with { Nics = [new QemuNic("net0", "52:54:00:00:00:01", Backend: "bridge")] } },
        { "invalid tap", s => s with { Nics = [new QemuNic("net0", "52:54:00:00:00:01", Backend: "tap:a,b")] } },
        { "needs a kernel", s => s with { Cmdline = "quiet" } },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public void Invalid_specs_are_rejected_with_a_sentence(string mentions, Func<QemuLaunchSpec, QemuLaunchSpec> edit)
    {
        var error = Assert.Throws<ArgumentException>(() => QemuArgvBuilder.Build(edit(Spec)));

        Assert.Contains(mentions, error.Message);
    }

    [Fact]
    public void Build_is_pure()
    {
        var spec = GoldenCases.All["two-disks-two-nics"];

        Assert.Equal(QemuArgvBuilder.Build(spec), QemuArgvBuilder.Build(spec));
    }
}
