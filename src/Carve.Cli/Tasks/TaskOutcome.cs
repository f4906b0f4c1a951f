using Carve.Contracts.Tasks;

namespace Carve.Cli.Tasks;

/// <summary>How following a task ended: the exit code, and the finished task unless it ran --async.</summary>
internal sealed record TaskOutcome(int ExitCode, TaskView? Task)
{
    public bool Succeeded => Task?.Status == TaskStates.Succeeded;
}
