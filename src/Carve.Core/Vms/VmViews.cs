using Carve.Contracts.Vms;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Vms;

/// <summary>A stored VM and its live state, as the API shows it.</summary>
public static class VmViews
{
    public static VmView From(GuestRecord guest, GuestRuntime runtime, IReadOnlyList<DiskView>? disks)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        return new VmView
        {
            Id = guest.Id,
            Name = guest.Name,
            Status = runtime.Status,
            Template = guest.Template,
            Lock = guest.Lock,
            CreatedAt = guest.CreatedAt,
            Config = new VmConfigView
            {
                Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Firmware = config.Firmware, Accel = config.Accel,
                Cdrom = config.Cdrom, Kernel = config.Kernel, Initrd = config.Initrd, Cmdline = config.Cmdline,
                Description = config.Description,
                Nics = config.Nics.Select(n => new NicView(n.Name, n.Network, n.Model, n.Mac)).ToList(),
                HostPci = config.HostPci.Select(p => new HostPciSpec { Address = p.Address, RomBar = p.RomBar, PrimaryGpu = p.PrimaryGpu }).ToList(),
                HostUsb = config.HostUsb,
            },
            Disks = disks ?? config.Disks.Select(d => new DiskView { Name = d.Name, Pool = d.Pool, Volume = d.Volume, Format = d.Format }).ToList(),
            Runtime = runtime.IsRunning ? Runtime(runtime) : null,
            PendingChanges = PendingChanges(config, runtime),
        };
    }

    private static VmRuntimeView Runtime(GuestRuntime r) => new()
    {
        Pid = r.Pid,
        UptimeSeconds = r.UptimeSeconds,
        QmpStatus = r.MonitorStatus,
        CpuSeconds = r.CpuSeconds,
        MemoryRssBytes = r.MemoryRssBytes,
        Accel = r.Accel,
        AccelNote = r.AccelNote,
    };

    private static string Devices(IEnumerable<string> devices) => devices.Any() ? string.Join(",", devices) : "none";

    private static IReadOnlyList<string> PendingChanges(VmConfig config, GuestRuntime runtime)
    {
        if (runtime.AppliedConfigJson is null)
            return [];
        var applied = VmConfig.FromJson(runtime.AppliedConfigJson);
        var pending = new List<string>();
        if (applied.Cpus != config.Cpus)
            pending.Add($"cpus: {applied.Cpus} -> {config.Cpus}");
        if (applied.MemoryMiB != config.MemoryMiB)
            pending.Add($"memoryMiB: {applied.MemoryMiB} -> {config.MemoryMiB}");
        if (!applied.HostPci.SequenceEqual(config.HostPci))
            pending.Add($"hostPci: {Devices(applied.HostPci.Select(p => p.Address))} -> {Devices(config.HostPci.Select(p => p.Address))}");
        if (!applied.HostUsb.SequenceEqual(config.HostUsb))
            pending.Add($"hostUsb: {Devices(applied.HostUsb)} -> {Devices(config.HostUsb)}");
        return pending;
    }
}
