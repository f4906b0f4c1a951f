using System.Globalization;
using Carve.Cli.Output;
using Carve.Contracts.Vms;

namespace Carve.Cli.Commands;

/// <summary>The text form of `vm show`: sections of aligned fields and tables.</summary>
internal static class VmShowRenderer
{
    public static void Render(TextWriter output, VmView vm)
    {
        var config = vm.Config;
        new FieldList()
            .Add("Name", vm.Name)
            .Add("ID", $"{vm.Id}")
            .Add("Status", vm.Template ? vm.Status + " (template)" : vm.Status)
            .Add("Lock", vm.Lock ?? "none")
            .Add("Created", Units.Time(vm.CreatedAt))
            .AddIfSet("Description", config.Description)
            .AddIfSet("Boot", BootText.Describe(config.Boot))
            .Write(output);

        output.WriteLine();
        output.WriteLine("Config:");
        new FieldList()
            .Add("CPUs", $"{config.Cpus}")
            .Add("Memory", Units.MiB(config.MemoryMiB))
            .Add("Firmware", config.Firmware)
            .Add("Accel", config.Accel)
            .AddIfSet("CD-ROM", config.Cdrom)
            .AddIfSet("Kernel", config.Kernel)
            .AddIfSet("Initrd", config.Initrd)
            .AddIfSet("Cmdline", config.Cmdline)
            .Write(output, "  ");

        output.WriteLine();
        output.WriteLine("Disks:");
        var disks = new TextTable("NAME", "POOL", "VOLUME", "FORMAT", "SIZE", "ALLOCATED");
        foreach (var disk in vm.Disks)
            disks.Add(disk.Name, disk.Pool, disk.Volume, disk.Format, Units.Bytes(disk.VirtualSizeBytes), Units.Bytes(disk.AllocatedBytes));
        disks.Write(output, "  ", "(none)");

        NicTable.Write(output, config.Nics);

        output.WriteLine();
        output.WriteLine("Runtime:");
        RuntimeFields(vm).Write(output, "  ");

        if (vm.PendingChanges.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Pending changes (they take effect at the next start):");
            foreach (var change in vm.PendingChanges)
                output.WriteLine("  - " + change);
        }
    }

    private static FieldList RuntimeFields(VmView vm)
    {
        var fields = new FieldList().Add("Status", vm.Status);
        if (vm.Runtime is not { } runtime)
            return fields;
        var accel = runtime.Accel is null ? null
            : runtime.AccelNote is null ? runtime.Accel
            : $"{runtime.Accel} ({runtime.AccelNote})";
        return fields
            .Add("PID", runtime.Pid?.ToString(CultureInfo.InvariantCulture))
            .Add("Uptime", Units.Seconds(runtime.UptimeSeconds))
            .Add("QMP status", runtime.QmpStatus ?? (runtime.Pid is null ? null : "no answer"))
            .Add("CPU time", Units.CpuTime(runtime.CpuSeconds))
            .Add("Memory RSS", Units.Bytes(runtime.MemoryRssBytes))
            .Add("Accel", accel);
    }
}
