namespace Carve.Qemu.Qmp;

/// <summary>
/// The QMP connection is gone (QEMU exited, closed the socket, or the client was disposed).
/// An <see cref="IOException"/>, so callers that already handle I/O failures handle this too.
/// </summary>
public sealed class QmpDisconnectedException : IOException
{
    public QmpDisconnectedException(string message)
        : base(message)
    {
    }

    public QmpDisconnectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
