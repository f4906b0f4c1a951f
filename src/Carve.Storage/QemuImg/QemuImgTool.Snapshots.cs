using System.Text.Json;

namespace Carve.Storage.QemuImg;

/// <summary>Internal qcow2 snapshots and backing chains, for VMs that are not running (a running QEMU owns its images).</summary>
public sealed partial class QemuImgTool
{
    public Task CreateSnapshotAsync(string path, string snapshot, CancellationToken ct) =>
        RunAsync(["snapshot", "-q", "-c", snapshot, path], null, null, ct);

    public Task RevertSnapshotAsync(string path, string snapshot, CancellationToken ct) =>
        RunAsync(["snapshot", "-q", "-a", snapshot, path], null, null, ct);

    public async Task DeleteSnapshotAsync(string path, string snapshot, CancellationToken ct)
    {
        if (await HasSnapshotAsync(path, snapshot, ct))
            await RunAsync(["snapshot", "-q", "-d", snapshot, path], null, null, ct);
    }

    public async Task<bool> HasSnapshotAsync(string path, string snapshot, CancellationToken ct)
    {
        var result = await RunAsync(["info", "--output=json", "-U", "-f", "qcow2", path], TimeSpan.FromSeconds(60), null, ct);
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.TryGetProperty("snapshots", out var list) && list.ValueKind == JsonValueKind.Array
            && list.EnumerateArray().Any(s => s.GetProperty("name").GetString() == snapshot);
    }

    public Task CreateOverlayAsync(string path, string backingPath, CancellationToken ct) =>
        RunAsync(["create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", backingPath, path], null, null, ct);

    public Task CopyAsync(string sourcePath, string targetPath, string? snapshot, CancellationToken ct) =>
        RunAsync(
            ["convert", "-p", "-U", "-f", "qcow2", .. snapshot is null ? [] : new[] { "-l", "snapshot.name=" + snapshot }, "-O", "qcow2", sourcePath, targetPath],
            null, null, ct);
}
