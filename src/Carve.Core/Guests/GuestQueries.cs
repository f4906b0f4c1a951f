using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Containers;
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
            var (cpus, memory) = g.Kind == VmService.Kind ? VmShape(g) : CtShape(g);
            return new GuestSummary
            {
                Id = g.Id, Name = g.Name, Type = g.Kind, Status = runtime.Status,
                Cpus = cpus, MemoryMiB = memory, Template = g.Template, Lock = g.Lock,
            };
        }).ToList();

    public IReadOnlyList<VmView> ListVms() =>
        guests.List().Where(g => g.Kind == VmService.Kind)
            .Select(g => VmViews.From(g, drivers.Instance(g.Kind).Inspect(g), disks: null)).ToList();

    public async Task<VmView> ShowVmAsync(GuestRecord guest, CancellationToken ct)
    {
        var runtime = await drivers.Instance(guest.Kind).InspectDeepAsync(guest, ct);
        var disks = new List<DiskView>();
        foreach (var disk in VmConfig.FromJson(guest.ConfigJson).Disks)
            disks.Add(await DescribeDiskAsync(disk, ct));
        return VmViews.From(guest, runtime, disks);
    }

    public IReadOnlyList<CtView> ListCts() =>
        guests.List().Where(g => g.Kind == CtService.Kind)
            .Select(g => CtViews.From(g, drivers.Instance(g.Kind).Inspect(g))).ToList();

    public async Task<CtView> ShowCtAsync(GuestRecord guest, CancellationToken ct) =>
        CtViews.From(guest, await drivers.Instance(guest.Kind).InspectDeepAsync(guest, ct));

    private static (int, int) VmShape(GuestRecord g)
    {
        var c = VmConfig.FromJson(g.ConfigJson);
        return (c.Cpus, c.MemoryMiB);
    }

    private static (int, int) CtShape(GuestRecord g)
    {
        var c = CtConfig.FromJson(g.ConfigJson);
        return (c.Cpus, c.MemoryMiB);
    }

    private async Task<DiskView> DescribeDiskAsync(VmDisk disk, CancellationToken ct)
    {
        var pool = pools.Get(disk.Pool);
        var view = new DiskView { Name = disk.Name, Pool = disk.Pool, Volume = disk.Volume, Format = disk.Format };
        var path = pool.VolumePath(disk.Volume);
        if (!File.Exists(path))
            return view;
        var info = await pool.InspectVolumeAsync(disk.Volume, ct);
        return view with { VirtualSizeBytes = info.VirtualSizeBytes, AllocatedBytes = info.AllocatedBytes };
    }
}
