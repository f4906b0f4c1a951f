using Microsoft.Extensions.Logging;

namespace Carve.Core.Boot;

/// <summary>
/// At carved's start: on the first start after a host boot, the onboot guests start in order. A plain restart of
/// carved (same boot id) touches no guest. The boot counts as handled only once every onboot guest was tried, so a
/// carved killed halfway through finishes the sequence at its next start.
/// </summary>
public sealed partial class BootStart(HostBootId bootId, HostPower power, ILogger<BootStart> logger)
{
    public const string User = "carved (host boot)";

    public void Run()
    {
        string current;
        try
        {
            current = bootId.Current();
        }
        catch (IOException e)
        {
            LogNoBootId(e.Message);
            return;
        }
        if (!bootId.IsNewBoot(current))
            return;
        if (!power.AnyOnBoot())
        {
            bootId.Remember(current);
            return;
        }
        var task = power.SubmitStart(User, () => bootId.Remember(current));
        LogStarting(task.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The host has booted: starting the onboot guests in order (task {Task})")]
    private partial void LogStarting(string task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the kernel's boot id, so onboot guests are not started: {Reason}")]
    private partial void LogNoBootId(string reason);
}
