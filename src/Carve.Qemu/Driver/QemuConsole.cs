using System.Collections.Concurrent;
using System.Net.Sockets;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Qemu.Driver;

/// <summary>A VM's serial port: its socket while QEMU runs, and the log QEMU appends everything it printed to.</summary>
public sealed class QemuConsole(QemuRuntime runtime, SerialLogs logs) : IGuestConsole
{
    // QEMU's serial socket serves one client; a second would silently wait, so say so instead.
    private readonly ConcurrentDictionary<int, bool> _attached = new();

    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (!runtime.IsRunning(guest))
            throw new ConflictException($"{guest.Describe()} is not running; its console log is at `carve vm console {guest.Name} --log`.");
        if (!_attached.TryAdd(guest.Id, true))
            throw new ConflictException($"Someone is already attached to the console of {guest.Describe()}.");
        Socket? socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        NetworkStream? stream = null;
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(paths.SerialSocket), ct);
            stream = new NetworkStream(socket, ownsSocket: true);
            socket = null; // the stream owns it now
            var console = new ConsoleStream(stream, () => _attached.TryRemove(guest.Id, out _));
            stream = null; // and the console owns the stream
            return console;
        }
        catch
        {
            _attached.TryRemove(guest.Id, out _);
            throw;
        }
        finally
        {
            if (stream is not null)
                await stream.DisposeAsync();
            socket?.Dispose();
        }
    }

    public Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct) => logs.ReadAsync(runtime.Paths(guest).SerialLog, ct);

    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct) =>
        throw new BadRequestException($"Running commands inside {guest.Describe()} needs a guest agent; use its console instead.");
}
