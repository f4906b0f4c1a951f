using System.Net;
using System.Net.Sockets;

namespace Carve.Cli.Tests.Fakes;

/// <summary>A TCP server on a free loopback port that hands each connection to <see cref="ServeAsync"/> until disposed.</summary>
internal abstract class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Called by the subclass's constructor, once its own fields are set.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    protected abstract Task ServeAsync(TcpClient client);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose(); // stops it
        if (_loop is not null)
            await _loop.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }
}
