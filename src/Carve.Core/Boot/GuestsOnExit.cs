using Carve.Core.Configuration;
using Carve.Host.Processes;
using Microsoft.Extensions.Logging;

namespace Carve.Core.Boot;

/// <summary>
/// When carved stops: guests keep running (a restart or an upgrade must not touch them), unless the whole system is
/// going down. Then they shut down cleanly in reverse order, before systemd kills what is left of carved's unit.
/// </summary>
public sealed partial class GuestsOnExit(CarveOptions options, HostPower power, Tasks.TaskRunner tasks, IProcessRunner runner, ILogger<GuestsOnExit> logger)
{
    public const string User = "carved (host shutdown)";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!await ShouldStopGuestsAsync(ct))
            return;
        var task = power.SubmitStop(User);
        LogStopping(task.Id);
        await tasks.WaitAsync(task.Id, Timeout.InfiniteTimeSpan, ct);
    }

    private async Task<bool> ShouldStopGuestsAsync(CancellationToken ct) => options.StopGuestsOnExit switch
    {
        StopGuestsOnExitValues.Always => true,
        StopGuestsOnExitValues.Never => false,
        _ => await SystemIsStoppingAsync(ct),
    };

    /// <summary>systemd says "stopping" from the moment a poweroff or reboot begins; without systemd there is no telling.</summary>
    private async Task<bool> SystemIsStoppingAsync(CancellationToken ct)
    {
        if (!Directory.Exists("/run/systemd/system"))
            return false;
        try
        {
            var result = await runner.RunAsync(new ProcessSpec("systemctl", ["is-system-running"]) { Timeout = TimeSpan.FromSeconds(5) }, ct);
            return IsStopping(result.Stdout);
        }
        catch (ProgramNotStartedException)
        {
            return false;
        }
    }

    public static bool IsStopping(string systemState) => systemState.Trim() == "stopping";

    [LoggerMessage(Level = LogLevel.Information, Message = "The host is shutting down: shutting the guests down in reverse order (task {Task})")]
    private partial void LogStopping(string task);
}
