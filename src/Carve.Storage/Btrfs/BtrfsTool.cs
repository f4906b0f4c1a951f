using Carve.Core.Errors;
using Carve.Host.Processes;

namespace Carve.Storage.Btrfs;

/// <summary>The btrfs subvolume commands the btrfs pool uses (btrfs-progs), each an argv.</summary>
public sealed class BtrfsTool(IProcessRunner runner, string binary = "btrfs")
{
    public Task CreateSubvolumeAsync(string path, CancellationToken ct) => RunAsync(["subvolume", "create", path], ct);

    /// <summary>An O(1) copy-on-write snapshot; read-only ones cannot be changed by accident.</summary>
    public Task SnapshotAsync(string source, string target, bool readOnly, CancellationToken ct) =>
        RunAsync(["subvolume", "snapshot", .. readOnly ? new[] { "-r" } : [], source, target], ct);

    public Task DeleteSubvolumeAsync(string path, CancellationToken ct) => RunAsync(["subvolume", "delete", path], ct);

    private async Task RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec(binary, args) { Timeout = TimeSpan.FromMinutes(5) }, ct);
        if (!result.Succeeded)
            throw new OperationFailedException($"btrfs {args[0]} {args[1]} failed: {result.LastErrorLine}");
    }
}
