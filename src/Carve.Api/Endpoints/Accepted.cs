using Carve.Contracts.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carve.Api.Endpoints;

internal static class Accepted
{
    /// <summary>202 with the task id, and Location pointing at the task to poll.</summary>
    public static Accepted<TaskAccepted> Task(TaskView task) =>
        TypedResults.Accepted($"/api/v1/tasks/{task.Id}", new TaskAccepted(task.Id, task.Status));
}
