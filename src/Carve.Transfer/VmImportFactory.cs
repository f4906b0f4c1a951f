using Carve.Contracts.Guests;
using Carve.Contracts.Transfer;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Validation;
using Carve.Qemu.Driver;
using Carve.Qemu.Guests;

namespace Carve.Transfer;

/// <summary>
/// carve vm import: a VM from an OVA, an OVF or a disk image. The package is read and checked before the guest
/// exists; a failure at any point removes the guest and every volume made for it.
/// </summary>
public sealed class VmImportFactory(StoragePools pools, PathGuard paths, VmImportDisks disks, VmVolumes volumes) : IGuestFactory<ImportVmRequest>
{
    public Task<GuestDraft> DraftAsync(ImportVmRequest request, CancellationToken ct)
    {
        Names.Guest(request.Name);
        Names.RejectControlCharacters("pool name", request.Pool);
        var pool = pools.Get(request.Pool).Name;
        var path = paths.ConfineExistingFile("file to import", request.Path);
        ImportPlan plan;
        try
        {
            plan = PackageReader.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadRequestException($"Cannot read {path}: {e.Message}");
        }
        var config = ImportConfig.From(plan, request);
        var spec = VmSpec.Of(config);
        return Task.FromResult(new GuestDraft
        {
            Kind = GuestKind.Vm,
            Name = request.Name,
            Id = request.Id,
            TaskType = "vm-import",
            ConfigFor = id => config.WithSpec(spec.WithVolumesOf(id, plan.Disks.Select(d => (pool, d.Bus)).ToList(), pool)),
            BuildAsync = async (guest, task, ct) =>
            {
                var made = VmSpec.Of(guest);
                task.Log($"Importing the {plan.Kind} {path} as {guest.Describe()}: {config.Cpus} CPU(s), {config.MemoryMiB} MiB, " +
                    $"{made.Firmware}, {made.Disks.Count} disk(s) ({string.Join(", ", made.Disks.Select(d => d.Bus))}), {config.Nics.Count} NIC(s).");
                foreach (var skipped in plan.Ovf?.Skipped ?? [])
                    task.Log($"Left out {skipped}.");
                await disks.ImportAsync(plan.Disks, made.Disks, pools.Get(pool), task, ct);
                await volumes.CreateVarsAsync(made.EfiVars, task, ct);
                task.Log($"Imported {guest.Describe()}.");
            },
            Start = request.Start,
        });
    }
}
