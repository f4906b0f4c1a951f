using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Carve.Qemu.Qmp;

/// <summary>
/// A QMP connection to one QEMU over its unix socket. Safe for concurrent callers: replies are
/// matched to commands by <c>id</c>, and events go to <see cref="Events"/> and to
/// <see cref="WaitForEventAsync"/> waiters. When the socket closes, every pending command fails
/// with <see cref="QmpDisconnectedException"/> and <see cref="Events"/> completes.
/// </summary>
/// <remarks>
/// QEMU serves one QMP client per socket at a time; a second client gets no greeting until the
/// first disconnects, which is why connecting has a handshake timeout.
/// </remarks>
public sealed partial class QmpClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(10);

    // Bounded so that an unread event stream cannot grow the daemon without limit.
    private const int EventBacklog = 256;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification =
        "Callers may still be in SendAsync when another disposes the client: a disposed lock would turn their " +
        "QmpDisconnectedException into an ObjectDisposedException. The lock never allocates a wait handle, so " +
        "disposing it would free nothing.")]
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, PendingCommand> _pending = new();
    private readonly Channel<QmpEvent> _events = Channel.CreateBounded<QmpEvent>(
        new BoundedChannelOptions(EventBacklog) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiveLoop = Task.CompletedTask;
    private Exception? _closedBecause;
    private long _lastId;
    private int _disposed;

    private QmpClient(Socket socket, string socketPath)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, new UTF8Encoding(false));
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    /// <summary>The QEMU version announced in the greeting.</summary>
    public QemuVersion Version { get; private set; } = new(0, 0, 0, "");

    /// <summary>
    /// Every event, in order, for one consumer (e.g. a state watcher). Keeps the newest
    /// <c>256</c> when nobody reads; completes when the connection closes.
    /// </summary>
    public ChannelReader<QmpEvent> Events => _events.Reader;

    public bool IsConnected => Volatile.Read(ref _closedBecause) is null;

    /// <summary>
    /// Completes (never faults) when the connection ends, e.g. because QEMU exited. Unlike
    /// <c>Events.Completion</c> it does not wait for unread events to be drained.
    /// </summary>
    public Task Closed => _closed.Task;

    public static Task<QmpClient> ConnectAsync(string socketPath, CancellationToken cancellationToken) =>
        ConnectAsync(socketPath, DefaultHandshakeTimeout, cancellationToken);

    /// <summary>Connects, reads the greeting and leaves capabilities negotiation mode.</summary>
    public static async Task<QmpClient> ConnectAsync(
        string socketPath, TimeSpan handshakeTimeout, CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(handshakeTimeout);
        Socket? socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        QmpClient? client = null;
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), handshake.Token);
#pragma warning disable CA2000 // the finally disposes it unless it is returned; the analysis loses track inside HandshakeAsync
            client = new QmpClient(socket, socketPath);
#pragma warning restore CA2000
            socket = null; // the client owns it now
            await client.HandshakeAsync(handshake.Token);
            var connected = client;
            client = null; // and the caller owns the client
            return connected;
        }
        catch (Exception e) when (e is SocketException or System.Text.Json.JsonException or OperationCanceledException)
        {
            // What was made so far goes in the finally below, before the caller sees the exception.
            if (e is SocketException)
                throw new QmpDisconnectedException($"Cannot connect to the QMP socket {socketPath}: {e.Message}", e);
            if (e is System.Text.Json.JsonException)
                throw new QmpDisconnectedException($"{socketPath} did not greet with QMP: {e.Message}", e);
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
                throw new TimeoutException(
                    $"QEMU did not complete the QMP handshake on {socketPath} within {handshakeTimeout.TotalSeconds:0.#} s " +
                    "(is another client connected?)");
            throw;
        }
        finally
        {
            socket?.Dispose();
            if (client is not null)
                await client.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Close(new QmpDisconnectedException($"The QMP client for {SocketPath} was disposed"));
        await _stopping.CancelAsync();
        _socket.Dispose();
        // The loop only ends by closing; its reason is already recorded.
        await _receiveLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _reader.Dispose();
        _stream.Dispose(); // already closed by the reader, which owns it; said here so no reader has to know
        _stopping.Dispose();
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        var greeting = await _reader.ReadLineAsync(cancellationToken)
            ?? throw new QmpDisconnectedException($"QEMU closed {SocketPath} before sending the QMP greeting");
        using (var doc = System.Text.Json.JsonDocument.Parse(greeting))
            Version = QmpJson.ParseGreeting(doc.RootElement);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        await ExecuteAsync("qmp_capabilities", null, cancellationToken);
    }

    private sealed class PendingCommand(string command)
    {
        public string Command { get; } = command;

        public TaskCompletionSource<System.Text.Json.JsonElement> Reply { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
