using Carve.Contracts.Tasks;
using Carve.Core.Commands;
using Carve.Core.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Guests;

/// <summary>
/// Creates guests of every kind the same way: the kind's factory checks and plans the request, the guest is stored
/// holding its create lock, and a task builds it. A failure at any point removes the guest and what was made for it;
/// a crash halfway leaves a create lock that start-up recovery settles the same way.
/// </summary>
public sealed class GuestCreation(IServiceProvider services, GuestStore guests, TaskRunner tasks, GuestLifecycle lifecycle)
{
    public async Task<TaskView> SubmitAsync<TRequest>(CreateGuestCommand<TRequest> command, CancellationToken ct) where TRequest : class
    {
        var draft = await services.GetRequiredService<IGuestFactory<TRequest>>().DraftAsync(command.Request, ct);
        return Submit(draft, command.User);
    }

    public TaskView Submit(GuestDraft draft, string user)
    {
        var taskId = TaskRunner.NewTaskId();
        var guest = guests.Insert(draft.Name, draft.Id, draft.Kind, draft.ConfigFor, taskId);
        return tasks.Submit(new TaskRequest
        {
            Type = draft.TaskType,
            User = user,
            Guest = guest,
            LockHeld = true,
            TaskId = taskId,
            Work = async (task, ct) =>
            {
                await draft.BuildAsync(guest, task, ct);
                if (draft.Start)
                    await lifecycle.StartAsync(guest, task, ct);
            },
            // Nothing half made stays behind: the volumes made so far and the row go.
            OnFailure = task => lifecycle.DiscardAsync(guest, task),
        });
    }
}
