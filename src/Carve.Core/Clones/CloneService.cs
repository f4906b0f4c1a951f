using Carve.Contracts.Tasks;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;
using Carve.Core.Validation;

namespace Carve.Core.Clones;

/// <summary>
/// Clones and templates. A clone task holds the source's lock while it reads and the new guest is inserted
/// holding a create lock, so a crash halfway leaves a half clone that start-up recovery removes.
/// </summary>
public sealed class CloneService(
    GuestStore guests, SnapshotStore snapshots, CloneLinks links, TaskRunner tasks, GuestDrivers drivers,
    GuestLifecycle lifecycle, NicPlanner nics)
{
    public TaskView Clone(CloneCommand command)
    {
        var name = Names.Guest(command.Name);
        var source = guests.Resolve(command.Source);
        var driver = drivers.For<IGuestSnapshots>(source.Kind);
        var definition = drivers.Definition(source.Kind);
        if (command.Linked && !source.Template)
            throw new BadRequestException(
                $"A linked clone shares its source's disks, so the source must never change: make {source.Name} a template first (carve {source.Kind} template {source.Name}).");
        var shaped = source;
        if (command.Snapshot is { } snap)
        {
            var found = snapshots.Find(source.Id, SnapshotNames.Validate(snap))
                ?? throw new NotFoundException($"{source.Describe()} has no snapshot named '{snap}'.");
            if (found.State != SnapshotStates.Ready)
                throw new ConflictException($"Snapshot {snap} of {source.Describe()} is not usable (state {found.State}).");
            // A clone of the guest as it was: with the CPUs and memory it had then, as a rollback would bring back.
            shaped = source with { Config = SnapshotShape.Restore(source.Config, found.Config) };
        }
        // Same networks, models and VLANs, but MACs and NAT addresses of its own; published host ports stay with the source.
        var cloneNics = nics.PlanCopies(source.Config.Nics, source.Kind);
        var taskId = TaskRunner.NewTaskId();
        // The clone's own config from the first write: recovery deleting a half clone must never touch the source's volumes.
        var clone = guests.Insert(name, command.Id, source.Kind, id => definition.CloneConfig(shaped.Config, id, name, cloneNics), taskId);
        try
        {
            return tasks.Submit(new TaskRequest
            {
                Type = $"{source.Kind}-clone",
                User = command.User,
                Guest = source,
                TaskId = taskId,
                Work = async (task, ct) =>
                {
                    if (await driver.CloneVolumesAsync(source, clone, command.Linked, command.Snapshot, task, ct))
                        links.Add(clone.Id, source.Id);
                    guests.ReleaseLock(clone.Id, taskId);
                    task.Log($"Cloned {source.Describe()} as {clone.Describe()}{(command.Linked ? ", linked to the template" : "")}.");
                },
                OnFailure = task => lifecycle.DiscardAsync(clone, task),
            });
        }
        catch
        {
            // The source was busy: the clone's row was never worked on.
            guests.Delete(clone.Id);
            throw;
        }
    }

    public TaskView MakeTemplate(TemplateCommand command)
    {
        var guest = guests.ResolveKind(command.Guest, command.Kind);
        if (guest.Template)
            throw new ConflictException($"{guest.Describe()} is a template already.");
        if (drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is running; stop it before making it a template.");
        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-template",
            User = command.User,
            Guest = guest,
            Work = (task, ct) =>
            {
                if (drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
                    throw new ConflictException($"{guest.Describe()} was started meanwhile; stop it before making it a template.");
                links.MarkTemplate(guest.Id);
                task.Log($"{guest.Describe()} is now a template: it cannot start, and linked clones of it are instant.");
                return Task.CompletedTask;
            },
        });
    }
}
