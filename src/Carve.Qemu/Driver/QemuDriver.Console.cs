using System.Collections.Concurrent;
using System.Net.Sockets;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    // QEMU's serial socket serves one client; a second would silently wait, so say so instead.
    private readonly ConcurrentDictionary<int, bool> _consoleAttached = new();

    public async Task<Stream> AttachConsoleAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is null)
            throw new ConflictException($"{guest.Describe()} is not running; its console log is at `carve vm console {guest.Name} --log`.");
        if (!_consoleAttached.TryAdd(guest.Id, true))
            throw new ConflictException($"Someone is already attached to the console of {guest.Describe()}.");
        try
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(paths.SerialSocket), ct);
            return new ConsoleStream(new NetworkStream(socket, ownsSocket: true), () => _consoleAttached.TryRemove(guest.Id, out _));
        }
        catch
        {
            _consoleAttached.TryRemove(guest.Id, out _);
            throw;
        }
    }

    public async Task<byte[]> ReadConsoleLogAsync(GuestRecord guest, CancellationToken ct)
    {
        var path = Paths(guest).SerialLog;
        if (!File.Exists(path))
            return [];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var keep = Math.Min(stream.Length, options.ConsoleLogMaxBytes);
        stream.Seek(-keep, SeekOrigin.End);
        var buffer = new byte[keep];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer;
    }

    /// <summary>
    /// Keeps the newest part of a log that outgrew its bound. QEMU appends with O_APPEND, so truncating under it is safe:
    /// its next write lands at the new end.
    /// </summary>
    public void TrimConsoleLog(string path)
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

    /// <summary>Bounds every VM's console log; the daemon calls this now and then.</summary>
    public void TrimConsoleLogs()
    {
        if (!Directory.Exists(options.LogsDir))
            return;
        foreach (var log in Directory.EnumerateFiles(options.LogsDir, "vm-*-serial.log"))
            TrimConsoleLog(log);
    }
}
