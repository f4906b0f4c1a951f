using Microsoft.Extensions.Logging;

namespace Carve.Core.Tasks;

/// <summary>For work done outside any task (recovery at start-up): the log goes to the daemon's log.</summary>
public sealed partial class LoggingTaskContext(ILogger logger) : ITaskContext
{
    public string TaskId => "recovery";

    public void Log(string text) => LogLine(logger, text);

    public void Progress(int percent)
    {
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private static partial void LogLine(ILogger logger, string text);
}
