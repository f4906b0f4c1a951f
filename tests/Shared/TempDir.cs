namespace Carve.Tests.Shared;

/// <summary>A scratch directory under /tmp, removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine("/tmp", $"carve-ct-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Sub(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (making its directory) and returns its path.</summary>
    public string Write(string relative, string content = "")
    {
        var path = Sub(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: /tmp is cleaned eventually.
        }
    }
}
