using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Networks;
using Carve.Core.Resources;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Guests;

/// <summary>
/// Changes guests of every kind the same way, as a task under the guest's lock: the kind's editor checks the
/// request, the common settings (CPUs, memory, description, NICs) change here, the kind's own through its edit.
/// </summary>
public sealed class GuestEditing(
    IServiceProvider services, GuestStore guests, TaskRunner tasks, GuestDrivers drivers, NicPlanner nicPlanner,
    GuestNetworking networking, ResourceLedger resources)
{
    public async Task<TaskView> SubmitAsync<TRequest>(SetGuestCommand<TRequest> command, CancellationToken ct) where TRequest : class
    {
        var edit = await services.GetRequiredService<IGuestEditor<TRequest>>().PlanAsync(command.Reference, command.Request, ct);
        if (edit.IsEmpty)
            throw new BadRequestException(edit.NothingToChange);
        var guest = edit.Guest;
        var driver = drivers.Instance(guest.Kind);
        var nics = edit.Nics is null ? null : nicPlanner.Plan(edit.Nics, guest.Kind, guest.Id);
        RefuseNicsWhileRunning(guest, nics);

        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-set",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                var stored = guests.Find(guest.Id)!;
                // Again under the lock: a start may have slipped in before the task took it.
                RefuseNicsWhileRunning(stored, nics);
                var current = stored.Config;
                var updated = current with
                {
                    Cpus = edit.Cpus ?? current.Cpus,
                    MemoryMiB = edit.MemoryMiB ?? current.MemoryMiB,
                    Description = edit.Description ?? current.Description,
                    Nics = nics ?? current.Nics,
                    Boot = edit.Boot is null ? current.Boot : BootPolicies.Merge(current.Boot, edit.Boot),
                };
                updated = edit.Specific?.Invoke(updated) ?? updated;
                // Where new limits apply at once, growing the memory of a running guest is admitted like a start.
                if (drivers.Definition(guest.Kind).LimitsApplyLive)
                    resources.AdmitResize(stored, updated.MemoryBytes, () => guests.UpdateConfig(guest.Id, updated));
                else
                    guests.UpdateConfig(guest.Id, updated);
                var changed = stored with { Config = updated };
                if (nics is not null)
                {
                    await networking.ReleaseAsync(current.Nics.Concat(nics), ct);
                    task.Log($"NICs now: {NicText.Describe(nics)}.");
                }
                if (updated.Cpus != current.Cpus || updated.MemoryMiB != current.MemoryMiB)
                    await driver.ApplyLimitsAsync(changed, task, ct);
                if (edit.AfterAsync is { } after)
                    await after(changed, task, ct);
                task.Log($"Updated {guest.Describe()}.");
            },
        });
    }

    private void RefuseNicsWhileRunning(GuestRecord guest, IReadOnlyList<GuestNic>? nics)
    {
        if (nics is not null && drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is running; NICs change only on a stopped {guest.Kind.Noun}.");
    }
}
