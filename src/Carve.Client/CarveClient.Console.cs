using System.Net.WebSockets;
using Carve.Client.Http;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /{vms|cts}/{ref}/console/log: copies what the guest wrote on its console so far, byte for byte.</summary>
    public async Task CopyGuestConsoleLogAsync(GuestKind kind, string guestRef, Stream destination, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, GuestPath(kind, guestRef) + "/console/log", null, ct, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            await response.Content.CopyToAsync(destination, ct);
        }
        catch (HttpRequestException e)
        {
            throw ConnectionErrors.Describe(Connection, e);
        }
    }

    /// <summary>GET /{vms|cts}/{ref}/console as a websocket whose binary frames carry the console's bytes both ways.</summary>
    public Task<WebSocket> ConnectGuestConsoleAsync(GuestKind kind, string guestRef, CancellationToken ct) =>
        ConnectWebSocketAsync(GuestPath(kind, guestRef) + "/console", "console", ct);

    /// <summary>GET /vms/{ref}/console/log: what the VM wrote on its serial port so far.</summary>
    public Task CopyConsoleLogAsync(string vmRef, Stream destination, CancellationToken ct) =>
        CopyGuestConsoleLogAsync(GuestKind.Vm, vmRef, destination, ct);

    /// <summary>GET /vms/{ref}/console: the VM's serial port as a websocket.</summary>
    public Task<WebSocket> ConnectConsoleAsync(string vmRef, CancellationToken ct) => ConnectGuestConsoleAsync(GuestKind.Vm, vmRef, ct);

    /// <summary>GET /cts/{ref}/console/log: what the container wrote on its console so far.</summary>
    public Task CopyCtConsoleLogAsync(string ctRef, Stream destination, CancellationToken ct) =>
        CopyGuestConsoleLogAsync(GuestKind.Ct, ctRef, destination, ct);

    /// <summary>GET /cts/{ref}/console: the container's console as a websocket.</summary>
    public Task<WebSocket> ConnectCtConsoleAsync(string ctRef, CancellationToken ct) => ConnectGuestConsoleAsync(GuestKind.Ct, ctRef, ct);
}
