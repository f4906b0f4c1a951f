using System.Text.Json;

namespace Carve.Storage.QemuImg;

/// <summary>Internal qcow2 snapshots and backing chains, for VMs that are not running (a running QEMU owns its images).</summary>
public sealed partial class QemuImgTool
{
    public Task SnapshotCreateAsync(string path, string snapshot, CancellationToken ct) =>
        RunAsync(["snapshot", "-q", "-c", snapshot, path], null, null, ct);

    public Task SnapshotApplyAsync(string path, string snapshot, CancellationToken ct) =>
        RunAsync(["snapshot", "-q", "-a", snapshot, path], null, null, ct);

    public Task SnapshotDeleteAsync(string path, string snapshot, CancellationToken ct) =>
        RunAsync(["snapshot", "-q", "-d", snapshot, path], null, null, ct);

    /// <summary>The names of the internal snapshots of a qcow2 image.</summary>
    public async Task<IReadOnlyList<string>> SnapshotListAsync(string path, CancellationToken ct)
    {
        var result = await RunAsync(["info", "--output=json", "-U", "-f", "qcow2", path], TimeSpan.FromSeconds(60), null, ct);
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.TryGetProperty("snapshots", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(s => s.GetProperty("name").GetString() ?? "").ToList()
            : [];
    }

    /// <summary>A thin qcow2 whose unwritten clusters read from <paramref name="backing"/> (a linked clone).</summary>
    public Task CreateBackedAsync(string path, string backing, CancellationToken ct) =>
        RunAsync(["create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", backing, path], null, null, ct);

    /// <summary>A standalone qcow2 copy of the image as it was at an internal snapshot (or as it is now, when null).</summary>
    public Task CopyAsync(string source, string target, string? snapshot, IProgress<int>? progress, CancellationToken ct) =>
        RunAsync(
            ["convert", "-p", "-U", "-f", "qcow2", .. snapshot is null ? [] : new[] { "-l", "snapshot.name=" + snapshot }, "-O", "qcow2", source, target],
            null, progress, ct);
}
