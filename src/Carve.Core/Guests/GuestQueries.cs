using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Drivers;
using Carve.Core.Storage;
using Carve.Core.Vms;

namespace Carve.Core.Guests;

/// <summary>Read-only views of guests with their live state.</summary>
public sealed class GuestQueries(GuestStore guests, DriverRegistry drivers, StoragePools pools)
{
    public IReadOnlyList<GuestSummary> ListAll() =>
        guests.List().Select(g =>
        {
            var runtime = drivers.Instance(g.Kind).Inspect(g);
            var (cpus, memory) = g.Kind == VmService.Kind ? VmShape(g) : (0, 0);
            return new GuestSummary
            {
                Id = g.Id, Name = g.Name, Type = g.Kind, Status = runtime.Status,
                Cpus = cpus, MemoryMiB = memory, Template = g.Template, Lock = g.Lock,
            };
        }).ToList();

    public IReadOnlyList<VmView> ListVms() =>
        guests.List().Where(g => g.Kind == VmService.Kind)
            .Select(g => ToView(g, drivers.Instance(g.Kind).Inspect(g), disks: null)).ToList();

    public async Task<VmView> ShowVmAsync(GuestRecord guest, CancellationToken ct)
    {
        var runtime = await drivers.Instance(guest.Kind).InspectDeepAsync(guest, ct);
        var config = VmConfig.FromJson(guest.ConfigJson);
        var disks = new List<DiskView>();
        foreach (var disk in config.Disks)
            disks.Add(await DescribeDiskAsync(disk, ct));
        return ToView(guest, runtime, disks);
    }

    private static (int, int) VmShape(GuestRecord g)
    {
        var c = VmConfig.FromJson(g.ConfigJson);
        return (c.Cpus, c.MemoryMiB);
    }

    private async Task<DiskView> DescribeDiskAsync(VmDisk disk, CancellationToken ct)
    {
        var pool = pools.Get(disk.Pool);
        var driver = pools.DriverFor(pool);
        var view = new DiskView { Name = disk.Name, Pool = disk.Pool, Volume = disk.Volume, Format = disk.Format };
        var path = driver.VolumePath(pool, disk.Volume);
        if (!File.Exists(path))
            return view;
        var info = await driver.InspectAsync(path, ct);
        return view with { VirtualSizeBytes = info.VirtualSizeBytes, AllocatedBytes = info.AllocatedBytes };
    }

    private static VmView ToView(GuestRecord guest, GuestRuntime runtime, IReadOnlyList<DiskView>? disks)
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
            },
            Disks = disks ?? config.Disks.Select(d => new DiskView { Name = d.Name, Pool = d.Pool, Volume = d.Volume, Format = d.Format }).ToList(),
            Runtime = runtime.IsRunning ? RuntimeView(runtime) : null,
            PendingChanges = PendingChanges(config, runtime),
        };
    }

    private static VmRuntimeView RuntimeView(GuestRuntime r) => new()
    {
        Pid = r.Pid,
        UptimeSeconds = r.StartedAt is { } s ? (long)(DateTimeOffset.UtcNow - s).TotalSeconds : null,
        QmpStatus = r.MonitorStatus,
        CpuSeconds = r.CpuSeconds,
        MemoryRssBytes = r.MemoryRssBytes,
        Accel = r.Accel,
        AccelNote = r.AccelNote,
    };

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
        return pending;
    }
}
