namespace Carve.Api.Tests.Support;

/// <summary>
/// The directories of one test daemon, under a fresh /tmp dir so fixtures run side by side.
/// Kept short: the unix socket path must fit in 107 bytes.
/// </summary>
public sealed class ServerDirs : IDisposable
{
    public ServerDirs()
    {
        Root = Path.Combine("/tmp", $"carve-at-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(Images);
    }

    public string Root { get; }
    public string Data => Path.Combine(Root, "data");
    public string Run => Path.Combine(Root, "run");
    /// <summary>The allowed image root given to the daemon.</summary>
    public string Images => Path.Combine(Root, "images");
    /// <summary>The default "local" dir pool, where VM disks go.</summary>
    public string Pool => Path.Combine(Data, "pools", "local");
    public string Database => Path.Combine(Data, "carve.db");
    public string Socket => Path.Combine(Run, "carved.sock");
    public string AdminPasswordFile => Path.Combine(Data, "admin-password");

    /// <summary>Files and folders in the pool: empty means no volume was left behind.</summary>
    public IReadOnlyList<string> PoolEntries() =>
        Directory.Exists(Pool) ? Directory.EnumerateFileSystemEntries(Pool).Select(Path.GetFileName).OfType<string>().ToList() : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // The daemon's background KVM probe may still be writing; /tmp is cleaned eventually.
        }
    }
}
