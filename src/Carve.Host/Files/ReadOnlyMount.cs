using System.Runtime.InteropServices;

namespace Carve.Host.Files;

/// <summary>Whether a path's filesystem is mounted read-only: access(2) says EROFS, whoever asks (root too).</summary>
public static partial class ReadOnlyMount
{
    private const int WriteOk = 2;
    private const int Erofs = 30;

    public static bool Holds(string path) => access(path, WriteOk) != 0 && Marshal.GetLastPInvokeError() == Erofs;

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int access(string path, int mode);
}
