namespace Carve.Qemu.Tests.Support;

/// <summary>
/// A scratch directory under /tmp, removed on dispose. Kept short on purpose: unix socket paths
/// are limited to 107 bytes.
/// </summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine("/tmp", $"carve-qt-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A QEMU that is still exiting may hold a file; /tmp is cleaned eventually.
        }
    }
}
