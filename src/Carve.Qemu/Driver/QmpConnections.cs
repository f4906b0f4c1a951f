using System.Collections.Concurrent;
using Carve.Core.Errors;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>
/// One QMP connection per running VM, shared by every caller: QEMU's QMP socket serves one client at a time,
/// so a second connection would wait behind the first.
/// </summary>
public sealed class QmpConnections : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, QmpClient> _clients = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _connecting = new();

    public async Task<QmpClient> GetAsync(string socketPath, CancellationToken ct)
    {
        if (_clients.TryGetValue(socketPath, out var existing) && existing.IsConnected)
            return existing;
        var gate = _connecting.GetOrAdd(socketPath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_clients.TryGetValue(socketPath, out existing) && existing.IsConnected)
                return existing;
            if (existing is not null)
                await existing.DisposeAsync();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            QmpClient client;
            try
            {
#pragma warning disable CA2000 // stored in _clients below, which owns it from then on; DropAsync and DisposeAsync dispose it
                client = await QmpClient.ConnectAsync(socketPath, timeout.Token);
#pragma warning restore CA2000
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException or TimeoutException or QmpException)
            {
                throw new OperationFailedException($"QEMU's monitor at {socketPath} does not answer: {e.Message}", e);
            }
            _clients[socketPath] = client;
            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a VM's connection once its QEMU has gone.</summary>
    public async Task DropAsync(string socketPath)
    {
        if (_clients.TryRemove(socketPath, out var client))
            await client.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
            await client.DisposeAsync();
        _clients.Clear();
    }
}
