namespace Carve.SystemTests.Harness;

/// <summary>
/// A filesystem a test mounts under its own root to serve as a second pool (a small tmpfs, a loop-mounted btrfs
/// image); unmounted on dispose, so declare it before the daemon that uses it.
/// </summary>
public sealed class PoolMount : IAsyncDisposable
{
    public string? Path { get; private set; }

    /// <summary>
    /// Makes ROOT/NAME and mounts there with the arguments <paramref name="prepare"/> returns (it gets the mount
    /// point, and may make an image next to it first).
    /// </summary>
    public async Task<string> MountAsync(string root, string name, Func<string, Task<string[]>> prepare)
    {
        var path = System.IO.Path.Combine(root, name);
        Directory.CreateDirectory(path);
        (await Processes.RunAsync("mount", [.. await prepare(path), path])).EnsureSuccess();
        Path = path;
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Path is not null)
            await Processes.RunAsync("umount", [Path]);
    }
}
