using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Tasks;

namespace Carve.Cli.Commands;

/// <summary>carve task list | show ID | wait ID.</summary>
internal static class TaskCommands
{
    public static Command Create(GlobalOptions options)
    {
        var task = new Command("task", "Long operations carved runs, and their logs.");
        task.Subcommands.Add(List(options));
        task.Subcommands.Add(Show(options));
        task.Subcommands.Add(Wait(options));
        return task;
    }

    private static Command List(GlobalOptions options)
    {
        var guest = new Option<string>("--guest") { Description = "Only tasks of this guest (name or id)", HelpName = "REF" };
        var limit = IntOption.Create("--limit", "At most this many, newest first", "N");
        var command = new Command("list", "Recent tasks.") { guest, limit };
        CliAction.Set(command, options, async (context, ct) =>
        {
            if (context.Get(limit) is < 1)
                throw new UsageException("--limit must be 1 or more.");
            var tasks = await context.Client.ListTasksAsync(context.Get(limit), context.Get(guest), ct);
            if (context.Json)
                JsonOutput.Write(context.Out, tasks);
            else
                TaskRenderer.RenderList(context.Out, tasks);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(GlobalOptions options)
    {
        var id = new Argument<string>("ID") { Description = "The task's id" };
        var command = new Command("show", "A task's state and log.") { id };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var task = await context.Client.GetTaskAsync(context.Get(id), ct);
            if (context.Json)
                JsonOutput.Write(context.Out, task);
            else
                TaskRenderer.RenderOne(context.Out, task);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Wait(GlobalOptions options)
    {
        var id = new Argument<string>("ID") { Description = "The task's id" };
        var command = new Command("wait", "Follow a task to its end; exits 1 when it failed.") { id };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var taskId = context.Get(id);
            var outcome = await TaskRunner.FollowAsync(context, taskId, $"Task {taskId}", $"Task {taskId} succeeded.", ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
