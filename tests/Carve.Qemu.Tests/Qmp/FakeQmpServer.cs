using System.Net.Sockets;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Qmp;

/// <summary>
/// A unix-socket server that plays a scripted QMP transcript to one client. Assertions made by
/// the script surface through <see cref="Completion"/>.
/// </summary>
internal sealed class FakeQmpServer : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Socket _listener;
    private Socket? _connection;

    private FakeQmpServer(Func<FakeQmpPeer, Task> script)
    {
        SocketPath = _dir.File("qmp.sock");
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(1);
        Completion = ServeAsync(script);
    }

    public string SocketPath { get; }

    /// <summary>Ends when the script has run; faults when it failed.</summary>
    public Task Completion { get; }

    public static FakeQmpServer Start(Func<FakeQmpPeer, Task> script) => new(script);

    // The connection stays open after the script, as a live QEMU's would, until the peer
    // closes it or the server is disposed.
    private async Task ServeAsync(Func<FakeQmpPeer, Task> script)
    {
        _connection = await _listener.AcceptAsync();
        using var peer = new FakeQmpPeer(_connection);
        await script(peer);
    }

    /// <summary>Waits for the script to finish, failing the test if it threw or hangs.</summary>
    public Task AssertCompletedAsync() => Completion.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        _connection?.Dispose();
        // Tests that care assert Completion themselves.
        await Completion.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _dir.Dispose();
    }
}
