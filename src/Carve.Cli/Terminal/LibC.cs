using System.Runtime.InteropServices;

namespace Carve.Cli.Terminal;

/// <summary>The few termios calls raw mode needs; source-generated so start-up stays cheap.</summary>
internal static unsafe partial class LibC
{
    public const int StdinFd = 0;
    public const int TcsaNow = 0;
    public const int TcsaDrain = 1;

    /// <summary>Larger than struct termios on any Linux ABI (60 bytes on x86-64 and arm64 glibc).</summary>
    public const int TermiosBufferSize = 256;

    [LibraryImport("libc", EntryPoint = "isatty")]
    public static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);
}
