using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

/// <summary>The specs behind Golden/&lt;case&gt;.argv, laid out the way carved lays out its files.</summary>
internal static class GoldenCases
{
    public static readonly IReadOnlyDictionary<string, QemuLaunchSpec> All = new Dictionary<string, QemuLaunchSpec>
    {
        ["minimal-bios"] = Base(100, "minimal"),

        ["direct-kernel"] = Base(101, "kernel-guest") with
        {
            Cpus = 2,
            MemoryMiB = 1024,
            KernelPath = "/var/lib/carve/kernels/vmlinuz-6.1.0-amd64",
            InitrdPath = "/var/lib/carve/kernels/initrd.img",
            Cmdline = "console=ttyS0,115200 root=/dev/vda rw quiet",
            Disks = [new QemuDisk("disk0", "/var/lib/carve/images/101/disk0.qcow2")],
            Nics = [new QemuNic("net0", "52:54:00:12:34:01")],
        },

        ["uefi-with-cdrom"] = Base(102, "uefi-installer") with
        {
            MemoryMiB = 2048,
            Uefi = new QemuFirmware("/usr/share/OVMF/OVMF_CODE_4M.fd", "/var/lib/carve/images/102/efivars.fd"),
            Disks = [new QemuDisk("disk0", "/var/lib/carve/images/102/disk0.qcow2", Bus: "sata")],
            CdromPath = "/var/lib/carve/iso/debian-12.9.0-amd64-netinst.iso",
            Nics = [new QemuNic("net0", "52:54:00:12:34:02")],
        },

        // A RAM rollback of a stopped VM: paused (-S) until the snapshot is loaded; qcow2 vars so snapshots include them.
        ["uefi-qcow2-vars-paused"] = Base(106, "snapshotted") with
        {
            Uefi = new QemuFirmware("/usr/share/OVMF/OVMF_CODE_4M.fd", "/var/lib/carve/pools/local/vm-106-efivars.qcow2", "qcow2"),
            Disks = [new QemuDisk("disk0", "/var/lib/carve/pools/local/vm-106-disk0.qcow2")],
            StartPaused = true,
        },

        ["two-disks-two-nics"] = Base(103, "two-of-each") with
        {
            Cpus = 4,
            MemoryMiB = 4096,
            Disks =
            [
                new QemuDisk("disk0", "/var/lib/carve/images/103/disk0.qcow2"),
                new QemuDisk("disk1", "/var/lib/carve/images/103/disk1.raw", Format: "raw", Bus: "sata"),
            ],
            Nics =
            [
                new QemuNic("net0", "52:54:00:12:34:03"),
                new QemuNic("net1", "52:54:00:AB:CD:EF", Model: "e1000"),
            ],
        },

        ["kvm"] = Base(104, "fast") with
        {
            Accel = "kvm",
            Cpus = 8,
            MemoryMiB = 8192,
            Disks = [new QemuDisk("disk0", "/var/lib/carve/images/104/disk0.qcow2")],
        },

        ["comma-in-path"] = Base(105, "commas") with
        {
            QmpSocket = "/run/carve,x/105/qmp.sock",
            SerialSocket = "/run/carve,x/105/serial.sock",
            SerialLog = "/var/log/carve,x/105/serial,0.log",
            VncSocket = "/run/carve,x/105/vnc.sock",
            PidFile = "/run/carve,x/105/qemu.pid",
            Uefi = new QemuFirmware("/srv/fw,1/OVMF_CODE.fd", "/srv/fw,1/vars,105.fd"),
            KernelPath = "/srv/boot,1/vmlinuz",
            Cmdline = "console=ttyS0,115200",
            Disks = [new QemuDisk("disk0", "/srv/vm,s/disk,0.qcow2")],
            CdromPath = "/srv/iso,s/a,b.iso",
        },

        ["cdrom-only"] = Base(106, "live-cd") with
        {
            CdromPath = "/var/lib/carve/iso/live.iso",
            Daemonize = false,
        },

        ["i440fx-ide"] = Base(107, "legacy") with
        {
            Machine = "pc",
            Disks =
            [
                new QemuDisk("disk0", "/var/lib/carve/images/107/disk0.qcow2", Bus: "ide"),
                new QemuDisk("disk1", "/var/lib/carve/images/107/disk1.qcow2", Bus: "ide"),
            ],
            CdromPath = "/var/lib/carve/iso/winxp.iso",
            Nics = [new QemuNic("net0", "52:54:00:12:34:07", Model: "e1000")],
        },

        ["tap-nic"] = Base(108, "bridged") with
        {
            Nics = [new QemuNic("net0", "52:54:00:12:34:08", Backend: "tap:tap108i0")],
        },

        // issue 8: a GPU with its audio function as the primary display, an HBA without its ROM, two USB devices.
        ["passthrough"] = Base(120, "passthrough") with
        {
            Accel = "kvm",
            HostPci = [new QemuHostPci("0000:01:00.0", PrimaryGpu: true), new QemuHostPci("0000:01:00.1"), new QemuHostPci("0000:02:00.0", RomBar: false)],
            HostUsb = [new QemuHostUsb(VendorId: "046d", ProductId: "c52b"), new QemuHostUsb(Bus: 1, Port: "1.2")],
        },
    };

    public static QemuLaunchSpec Base(int id, string name) => new()
    {
        Id = id,
        Name = name,
        Uuid = $"3f2b8c1e-5a4d-4e6f-9b7a-0000000{id:00000}",
        QmpSocket = $"/run/carve/qemu/{id}/qmp.sock",
        SerialSocket = $"/run/carve/qemu/{id}/serial.sock",
        SerialLog = $"/var/lib/carve/logs/{id}/serial.log",
        VncSocket = $"/run/carve/qemu/{id}/vnc.sock",
        PidFile = $"/run/carve/qemu/{id}/qemu.pid",
    };
}
