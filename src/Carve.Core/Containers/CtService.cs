using Carve.Contracts.Containers;
using Carve.Contracts.Tasks;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Vms;

namespace Carve.Core.Containers;

/// <summary>Creating and changing containers, and building templates. Lifecycle is shared in <see cref="GuestLifecycle"/>.</summary>
public sealed class CtService(
    GuestStore guests, TaskRunner tasks, DriverRegistry drivers, StoragePools pools, CtRequestValidator validator, ITemplateStore templates,
    GuestLifecycle lifecycle, Networks.NicPlanner nicPlanner, Networks.GuestNetworking networking, Resources.ResourceLedger resources)
{
    public const string Kind = "ct";

    public TaskView Create(CreateCtRequest request, string user)
    {
        var pool = pools.Get(request.Pool);
        var nics = nicPlanner.Plan(request.Nics ?? [], Kind, null);
        var draft = validator.Validate(request, pool.Name, "pending") with { Nics = nics };
        var taskId = TaskRunner.NewTaskId();
        var guest = guests.Insert(request.Name, request.Id, Kind, draft.ToJson(), taskId);
        var config = draft with { RootfsVolume = $"ct-{guest.Id}-rootfs" };
        guest = guest with { ConfigJson = config.ToJson() };
        guests.UpdateConfig(guest.Id, guest.ConfigJson);
        var driver = drivers.Instance(Kind);
        return tasks.Submit(new TaskRequest
        {
            Type = "ct-create",
            User = user,
            Guest = guest,
            LockHeld = true,
            TaskId = taskId,
            Work = async (task, ct) =>
            {
                await driver.CreateAsync(guest, task, ct);
                task.Log($"Created {guest.Describe()} from template {config.Template}.");
                if (request.Start)
                    await lifecycle.StartAsync(guest, task, ct);
            },
            OnFailure = task => lifecycle.DiscardAsync(guest, task),
        });
    }

    public TaskView Set(string reference, SetCtRequest request, string user)
    {
        if (request.Cpus is { } cpus)
            VmRequestValidator.Cpus(cpus);
        if (request.MemoryMiB is { } mem)
            VmRequestValidator.Memory(mem);
        VmRequestValidator.Description(request.Description);
        if (request.Cpus is null && request.MemoryMiB is null && request.Description is null && request.Nics is null)
            throw new BadRequestException("Nothing to change: give cpus, memory, a description or NICs.");
        var guest = Ct(reference);
        var nics = request.Nics is null ? null : nicPlanner.Plan(request.Nics, Kind, guest.Id);
        if (nics is not null && drivers.Instance(Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is running; NICs change only on a stopped container.");
        return tasks.Submit(new TaskRequest
        {
            Type = "ct-set",
            User = user,
            Guest = guest,
            Work = async (task, ct) =>
            {
                var current = CtConfig.FromJson(guests.Find(guest.Id)!.ConfigJson);
                var updated = current with
                {
                    Cpus = request.Cpus ?? current.Cpus,
                    MemoryMiB = request.MemoryMiB ?? current.MemoryMiB,
                    Description = request.Description ?? current.Description,
                    Nics = nics ?? current.Nics,
                };
                var stored = guests.Find(guest.Id)!;
                resources.AdmitResize(stored, (long)updated.MemoryMiB << 20, () => guests.UpdateConfig(guest.Id, updated.ToJson()));
                if (nics is not null)
                {
                    await networking.ReleaseAsync(current.Nics.Concat(nics), ct);
                    task.Log($"NICs now: {Networks.NicText.Describe(nics)}.");
                }
                var changed = updated.Cpus != current.Cpus || updated.MemoryMiB != current.MemoryMiB;
                if (changed && await drivers.Instance(Kind).ApplyLiveAsync(guest with { ConfigJson = updated.ToJson() }, task, ct))
                    task.Log("The new limits apply now.");
                task.Log($"Updated {guest.Describe()}.");
            },
        });
    }

    public TaskView BuildTemplate(BuildTemplateRequest request, string user)
    {
        if (request.Distribution != "debian")
            throw new BadRequestException($"Carve builds only debian templates; '{Validation.Names.Printable(request.Distribution)}' is unknown.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(request.Suite, @"^[a-z]{2,20}\z"))
            throw new BadRequestException($"Invalid Debian suite '{Validation.Names.Printable(request.Suite)}' (e.g. bookworm, trixie).");
        return tasks.Submit(new TaskRequest
        {
            Type = "template-build",
            User = user,
            Work = (task, ct) => templates.BuildAsync(request, task, ct),
        });
    }

    public GuestRecord Ct(string reference) => guests.ResolveKind(reference, Kind);
}
