using System.Globalization;
using static Carve.Qemu.Launch.QemuOptions;

namespace Carve.Qemu.Launch;

public static partial class QemuArgvBuilder
{
    private static void AddFirmware(List<string> argv, QemuLaunchSpec spec)
    {
        if (spec.Uefi is not { } uefi)
            return;
        // Code is shared by all VMs and must stay read-only; the variable store is this VM's own copy.
        argv.AddRange(["-drive", $"if=pflash,format=raw,unit=0,file={PathOption(uefi.CodePath, "UEFI code")},readonly=on"]);
        argv.AddRange(["-drive", $"if=pflash,format={Escape(uefi.VarsFormat, "UEFI variable store format")},unit=1,file={PathOption(uefi.VarsPath, "UEFI variable store")}"]);
    }

    private static void AddKernel(List<string> argv, QemuLaunchSpec spec)
    {
        if (spec.KernelPath is null)
        {
            if (spec.InitrdPath is not null || spec.Cmdline is not null)
                throw new ArgumentException("An initrd or kernel command line needs a kernel.", nameof(spec));
            return;
        }
        // These three take the whole argv element as the value: no comma parsing, so no escaping.
        argv.AddRange(["-kernel", AbsolutePath(spec.KernelPath, "kernel")]);
        if (spec.InitrdPath is not null)
            argv.AddRange(["-initrd", AbsolutePath(spec.InitrdPath, "initrd")]);
        if (spec.Cmdline is not null)
            argv.AddRange(["-append", Checked(spec.Cmdline, "kernel command line")]);
    }

    private static void AddStorage(List<string> argv, QemuLaunchSpec spec)
    {
        var ideSlot = 0;
        var bootIndex = 1; // bootindex 0 belongs to -kernel's option ROM.
        foreach (var disk in spec.Disks)
        {
            // writeback, not none: O_DIRECT fails on tmpfs and some other filesystems, and
            // virtio/AHCI guests flush their write cache, so writeback is safe.
            argv.AddRange(["-drive", $"if=none,id={disk.Id},file={PathOption(disk.Path, "disk image")},format={Escape(disk.Format, "disk format")},cache=writeback,discard=unmap"]);
            var boot = (bootIndex++).ToString(CultureInfo.InvariantCulture);
            argv.AddRange(["-device", disk.Bus switch
            {
                "virtio" => $"virtio-blk-pci,drive={disk.Id},id={disk.Id},bootindex={boot}",
                "sata" or "ide" => $"ide-hd,{IdeBus(spec, ideSlot++)},drive={disk.Id},id={disk.Id},bootindex={boot}",
                _ => throw new ArgumentException($"Disk '{disk.Id}' has unknown bus '{disk.Bus}' (virtio, sata, ide).", nameof(spec)),
            }]);
        }

        if (spec.CdromPath is null)
            return;
        // Installation media boot after the disks, so an installed system starts without ejecting it.
        argv.AddRange(["-drive", $"if=none,id={CdromId},media=cdrom,file={PathOption(spec.CdromPath, "CD-ROM image")},format=raw,readonly=on"]);
        argv.AddRange(["-device", $"ide-cd,{IdeBus(spec, ideSlot)},drive={CdromId},id={CdromId},bootindex={bootIndex.ToString(CultureInfo.InvariantCulture)}"]);
    }

    /// <summary>q35's AHCI controller has six one-device buses; i440fx has two IDE buses of two units.</summary>
    private static string IdeBus(QemuLaunchSpec spec, int slot)
    {
        var slots = IsI440fx(spec) ? 4 : 6;
        if (slot >= slots)
            throw new ArgumentException($"Machine '{spec.Machine}' has room for {slots} SATA/IDE devices (CD-ROM included).", nameof(spec));
        return IsI440fx(spec)
            ? $"bus=ide.{slot / 2},unit={slot % 2}"
            : $"bus=ide.{slot}";
    }

    private static string PathOption(string path, string what) => Escape(AbsolutePath(path, what), what);
}
