using Carve.Host.Processes;

namespace Carve.Lxc.Exec;

/// <summary>A console connection through lxc-console; disposing it ends lxc-console and frees the console.</summary>
internal sealed class ConsoleStream : Stream
{
    private readonly StreamingProcess _process;
    private readonly Action _onClose;
    // lxc-console says little on stderr, but an undrained pipe would eventually block it.
    private readonly Task _stderrDrain;
    private int _closed;

    public ConsoleStream(StreamingProcess process, Action onClose)
    {
        _process = process;
        _onClose = onClose;
        _stderrDrain = process.Stderr.CopyToAsync(Stream.Null);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _process.Stdout.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => _process.Stdout.ReadAsync(buffer, ct);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => _process.Stdout.ReadAsync(buffer, offset, count, ct);

    public override void Write(byte[] buffer, int offset, int count)
    {
        _process.Stdin.Write(buffer, offset, count);
        _process.Stdin.Flush();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        await _process.Stdin.WriteAsync(buffer, ct);
        await _process.Stdin.FlushAsync(ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override void Flush() => _process.Stdin.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _process.Dispose();
            _onClose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            await _process.DisposeAsync();
            try
            {
                await _stderrDrain;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The pipe closed under the copy: lxc-console is gone, which is the point.
            }
            _onClose();
        }
        await base.DisposeAsync();
    }
}
