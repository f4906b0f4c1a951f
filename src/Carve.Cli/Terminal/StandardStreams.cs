using Microsoft.Win32.SafeHandles;

namespace Carve.Cli.Terminal;

/// <summary>The process's stdin as raw bytes, for the console and exec.</summary>
internal static class StandardStreams
{
    /// <summary>
    /// fd 0 itself: Console's stdin stream does line editing and echo when stdin is a terminal. A read of it cannot be
    /// cancelled once started; callers leave a blocked read behind, and it ends with the process.
    /// </summary>
    public static FileStream OpenInput() =>
        new(new SafeFileHandle(LibC.StdinFd, ownsHandle: false), FileAccess.Read, bufferSize: 0);
}
