using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Storage;

namespace Carve.Qemu.Guests;

/// <summary>A stored VM and its live state, as the API shows it.</summary>
public sealed class VmViews(QemuDefinition definition, StoragePools pools) : IGuestViews<VmView>
{
    public GuestKind Kind => GuestKind.Vm;

    public VmView View(GuestRecord guest, GuestRuntime runtime) => View(guest, runtime, disks: null);

    /// <summary>With each disk's virtual size and the space it takes, as qemu-img reports them.</summary>
    public async Task<VmView> DetailAsync(GuestRecord guest, GuestRuntime runtime, CancellationToken ct)
    {
        var disks = new List<DiskView>();
        foreach (var disk in VmSpec.Of(guest).Disks)
            disks.Add(await DescribeAsync(disk, ct));
        return View(guest, runtime, disks);
    }

    private VmView View(GuestRecord guest, GuestRuntime runtime, IReadOnlyList<DiskView>? disks)
    {
        var config = guest.Config;
        var spec = VmSpec.Of(config);
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
                Uuid = spec.Uuid,
                Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Firmware = spec.Firmware, Accel = spec.Accel,
                Cdrom = spec.Cdrom, Kernel = spec.Kernel, Initrd = spec.Initrd, Cmdline = spec.Cmdline,
                Description = config.Description,
                Boot = config.Boot ?? new(),
                Nics = NicViews.From(guest.Id, definition, config.Nics),
                HostPci = spec.HostPci.Select(p => new HostPciSpec { Address = p.Address, RomBar = p.RomBar, PrimaryGpu = p.PrimaryGpu }).ToList(),
                HostUsb = spec.HostUsb,
            },
            Disks = disks ?? spec.Disks.Select(d => new DiskView { Name = d.Name, Pool = d.Pool, Volume = d.Volume, Format = d.Format }).ToList(),
            Runtime = runtime.IsRunning ? Runtime(runtime) : null,
            PendingChanges = PendingChanges(config, spec, runtime),
        };
    }

    private async Task<DiskView> DescribeAsync(VmDisk disk, CancellationToken ct)
    {
        var view = new DiskView { Name = disk.Name, Pool = disk.Pool, Volume = disk.Volume, Format = disk.Format };
        var pool = pools.Get(disk.Pool);
        if (!File.Exists(pool.VolumePath(disk.Volume)))
            return view;
        var info = await pool.InspectVolumeAsync(disk.Volume, ct);
        return view with { VirtualSizeBytes = info.VirtualSizeBytes, AllocatedBytes = info.AllocatedBytes };
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

    /// <summary>What the stored config changes against the one the running VM was started with.</summary>
    private static IReadOnlyList<string> PendingChanges(GuestConfig config, VmSpec spec, GuestRuntime runtime)
    {
        if (runtime.AppliedConfig is not { } applied)
            return [];
        var was = VmSpec.Of(applied);
        var pending = new List<string>();
        if (applied.Cpus != config.Cpus)
            pending.Add($"cpus: {applied.Cpus} -> {config.Cpus}");
        if (applied.MemoryMiB != config.MemoryMiB)
            pending.Add($"memoryMiB: {applied.MemoryMiB} -> {config.MemoryMiB}");
        if (!was.HostPci.SequenceEqual(spec.HostPci))
            pending.Add($"hostPci: {Devices(was.HostPci.Select(p => p.Address))} -> {Devices(spec.HostPci.Select(p => p.Address))}");
        if (!was.HostUsb.SequenceEqual(spec.HostUsb))
            pending.Add($"hostUsb: {Devices(was.HostUsb)} -> {Devices(spec.HostUsb)}");
        return pending;
    }
}
