using Microsoft.Win32.SafeHandles;

namespace Carve.Cli.Terminal;

/// <summary>The process's stdin as raw bytes, for the console and exec.</summary>
internal static class StandardStreams
{
    /// <summary>
    /// fd 0 itself: Console's stdin stream does line editing and echo when stdin is a terminal. A read of it cannot be
    /// cancelled once started; callers leave a blocked read behind, and it ends with the process.
    /// </summary>
    public static FileStream OpenInput()
    {
        SafeFileHandle? handle = new(LibC.StdinFd, ownsHandle: false);
        try
        {
            var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            handle = null; // the stream owns it now (and leaves fd 0 open: the handle does not own it)
            return stream;
        }
        finally
        {
            handle?.Dispose();
        }
    }
}
