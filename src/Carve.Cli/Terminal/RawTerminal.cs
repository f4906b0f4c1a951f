using System.Runtime.InteropServices;

namespace Carve.Cli.Terminal;

/// <summary>Puts a terminal in raw mode (every key goes to the guest, Ctrl-C included) and restores it on dispose.</summary>
internal sealed unsafe class RawTerminal : IDisposable
{
    private readonly int _fd;
    private readonly byte[] _saved;
    private bool _restored;

    private RawTerminal(int fd, byte[] saved)
    {
        _fd = fd;
        _saved = saved;
    }

    public static bool IsTerminal(int fd) => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? LibC.IsATty(fd) == 1 : false;

    /// <summary>Null when <paramref name="fd"/> is not a terminal whose mode can be changed.</summary>
    public static RawTerminal? TryEnter(int fd)
    {
        if (!IsTerminal(fd))
            return null;
        var saved = new byte[LibC.TermiosBufferSize];
        var raw = new byte[LibC.TermiosBufferSize];
        fixed (byte* savedPtr = saved)
        fixed (byte* rawPtr = raw)
        {
            if (LibC.TcGetAttr(fd, savedPtr) != 0)
                return null;
            saved.CopyTo(raw, 0);
            LibC.CfMakeRaw(rawPtr);
            if (LibC.TcSetAttr(fd, LibC.TcsaNow, rawPtr) != 0)
                throw new IOException($"Cannot put the terminal in raw mode (errno {Marshal.GetLastPInvokeError()}).");
        }
        return new RawTerminal(fd, saved);
    }

    public void Dispose()
    {
        if (_restored)
            return;
        _restored = true;
        fixed (byte* savedPtr = _saved)
            LibC.TcSetAttr(_fd, LibC.TcsaDrain, savedPtr);
    }
}
