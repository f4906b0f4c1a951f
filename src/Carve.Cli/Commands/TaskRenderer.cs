using System.Globalization;
using Carve.Cli.Output;
using Carve.Contracts.Tasks;

namespace Carve.Cli.Commands;

/// <summary>The text forms of `task list` and `task show`.</summary>
internal static class TaskRenderer
{
    public static void RenderList(TextWriter output, IReadOnlyList<TaskView> tasks)
    {
        var table = new TextTable("ID", "TYPE", "GUEST", "STATUS", "USER", "CREATED", "TOOK");
        foreach (var task in tasks)
            table.Add(task.Id, task.Type, Guest(task), Status(task), task.User, Units.Time(task.CreatedAt), Took(task));
        table.Write(output);
    }

    public static void RenderOne(TextWriter output, TaskView task)
    {
        new FieldList()
            .Add("ID", task.Id)
            .Add("Type", task.Type)
            .Add("Guest", Guest(task))
            .Add("User", task.User)
            .Add("Status", Status(task))
            .AddIfSet("Error", task.Error)
            .Add("Created", Units.Time(task.CreatedAt))
            .Add("Started", Units.Time(task.StartedAt))
            .Add("Finished", Units.Time(task.FinishedAt))
            .Add("Took", Took(task))
            .Write(output);
        if (task.Log is not { Count: > 0 } log)
            return;
        output.WriteLine();
        output.WriteLine("Log:");
        foreach (var line in log)
            output.WriteLine($"  {line.Time.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {line.Text}");
    }

    private static string? Guest(TaskView task) =>
        task.Guest is null ? task.GuestId?.ToString(CultureInfo.InvariantCulture)
        : task.GuestId is null ? task.Guest
        : $"{task.Guest} ({task.GuestId})";

    private static string Status(TaskView task) =>
        task.Status == TaskStates.Running && task.Progress > 0 ? $"running {task.Progress}%" : task.Status;

    private static string? Took(TaskView task) =>
        task.StartedAt is { } started && task.FinishedAt is { } finished ? Units.Duration(finished - started) : null;
}
