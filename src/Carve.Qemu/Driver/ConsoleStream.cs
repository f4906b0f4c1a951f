namespace Carve.Qemu.Driver;

/// <summary>A console connection that frees the console for the next user when it is disposed.</summary>
internal sealed class ConsoleStream : Stream
{
    // Fields, not primary-constructor parameters: so the dispose analysis (CA2000) sees that this stream owns `inner`.
    private readonly Stream _inner;
    private readonly Action _onClose;
    private int _closed;

    public ConsoleStream(Stream inner, Action onClose)
    {
        _inner = inner;
        _onClose = onClose;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => _inner.ReadAsync(buffer, ct);
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) => _inner.WriteAsync(buffer, ct);
    public override void Flush() => _inner.Flush();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _inner.Dispose();
            _onClose();
        }
        base.Dispose(disposing);
    }
}
