using Carve.Contracts.Tasks;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Validation;

namespace Carve.Core.Exports;

/// <summary>
/// Exports of every kind of guest: a task under the guest's lock writes into a new export of the
/// <see cref="ExportStore"/>, from where the API serves it. A failed export leaves no files.
/// </summary>
public sealed class GuestExports(GuestStore guests, TaskRunner tasks, GuestDrivers drivers, ExportStore store)
{
    public TaskView Submit(ExportGuestCommand command)
    {
        var exporter = drivers.For<IGuestExporter>(command.Kind);
        var format = command.Format ?? exporter.Formats[0];
        if (!exporter.Formats.Contains(format))
            throw new BadRequestException($"Invalid export format '{Names.Printable(format)}': use one of {string.Join(", ", exporter.Formats)}.");
        var guest = guests.ResolveKind(command.Reference, command.Kind);
        RefuseRunning(guest);
        exporter.Check(guest);
        store.DiscardAbandoned(id => tasks.Find(id)?.Status == TaskStates.Running);
        return tasks.Submit(new TaskRequest
        {
            Type = $"{guest.Kind}-export",
            User = command.User,
            Guest = guest,
            Work = async (task, ct) =>
            {
                // Checked again under the lock: a start may have slipped in before the task took it.
                RefuseRunning(guest);
                var dir = store.Begin(task.TaskId, guest.Name, format);
                await exporter.WriteAsync(guests.Find(guest.Id) ?? guest, format, dir, task, ct);
                store.Complete(task.TaskId);
                task.Log($"The export is ready: GET /api/v1/exports/{task.TaskId}.");
            },
            OnFailure = task =>
            {
                store.Discard(task.TaskId);
                return Task.CompletedTask;
            },
        });
    }

    private void RefuseRunning(GuestRecord guest)
    {
        if (drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            throw new ConflictException($"{guest.Describe()} is running; shut it down first, so that what is exported is consistent.");
    }
}
