using System.Runtime.InteropServices;

namespace Carve.Host.Files;

/// <summary>libc realpath(3): the canonical path with every symlink resolved, or null if it does not exist.</summary>
public static partial class RealPath
{
    public static string? Resolve(string path)
    {
        var result = realpath(path, IntPtr.Zero);
        if (result == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            free(result);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr realpath(string path, IntPtr resolved);

    [LibraryImport("libc")]
    private static partial void free(IntPtr ptr);
}
