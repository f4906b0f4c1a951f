using Carve.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace Carve.Qemu.Driver;

/// <summary>
/// The VMs' serial logs, each bounded to ConsoleLogMaxBytes. QEMU appends with O_APPEND, so truncating under it is
/// safe: its next write lands at the new end.
/// </summary>
public sealed partial class SerialLogs(CarveOptions options, ILogger<SerialLogs> logger)
{
    /// <summary>The newest bytes of the log, at most ConsoleLogMaxBytes; empty when there is none.</summary>
    public async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
            return [];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var keep = Math.Min(stream.Length, options.ConsoleLogMaxBytes);
        stream.Seek(-keep, SeekOrigin.End);
        var buffer = new byte[keep];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer;
    }

    /// <summary>Keeps the newest half of a log that outgrew its bound.</summary>
    public void Trim(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length <= options.ConsoleLogMaxBytes)
                return;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var keep = options.ConsoleLogMaxBytes / 2;
            stream.Seek(-keep, SeekOrigin.End);
            var tail = new byte[keep];
            stream.ReadExactly(tail);
            stream.SetLength(0);
            stream.Write(tail);
        }
        catch (IOException e)
        {
            LogTrimFailed(path, e);
        }
    }

    /// <summary>Bounds every VM's log; run now and then while VMs print.</summary>
    public void TrimAll()
    {
        if (!Directory.Exists(options.LogsDir))
            return;
        foreach (var log in Directory.EnumerateFiles(options.LogsDir, "vm-*-serial.log"))
            Trim(log);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trim the console log {Path}")]
    private partial void LogTrimFailed(string path, Exception exception);
}
