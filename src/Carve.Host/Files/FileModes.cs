namespace Carve.Host.Files;

public static class FileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Writes a secret so that it is never readable by others, not even for a moment.</summary>
    public static void WriteSecret(string path, string content)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        File.SetUnixFileMode(path, OwnerOnly);
    }

    public static void WriteSecret(string path, byte[] content)
    {
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly,
        });
        stream.Write(content);
        File.SetUnixFileMode(path, OwnerOnly);
    }
}
