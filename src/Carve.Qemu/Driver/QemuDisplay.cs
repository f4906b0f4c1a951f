using System.Net.Sockets;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Qemu.Driver;

/// <summary>The VM's screen: QEMU's VNC server listens on a unix socket only, so nothing but carved can reach it.</summary>
public sealed class QemuDisplay(QemuRuntime runtime) : IGuestDisplay
{
    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        if (!runtime.IsRunning(guest))
            throw new ConflictException($"{guest.Describe()} is not running, so it has no screen to show.");
        // Disposed on every way out but success, a cancelled connect included.
        Socket? socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(runtime.Paths(guest).VncSocket), ct);
            var stream = new NetworkStream(socket, ownsSocket: true);
            socket = null; // the stream owns it now
            return stream;
        }
        catch (SocketException e)
        {
            throw new ConflictException($"The screen of {guest.Describe()} is not reachable yet ({e.Message}); try again.");
        }
        finally
        {
            socket?.Dispose();
        }
    }
}
