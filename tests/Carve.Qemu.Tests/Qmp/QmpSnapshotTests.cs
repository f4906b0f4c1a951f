using Carve.Qemu.Qmp;

namespace Carve.Qemu.Tests.Qmp;

/// <summary>The snapshot commands and job handling against QMP transcripts as QEMU 7.2 writes them.</summary>
public sealed class QmpSnapshotTests
{
    [Fact]
    public async Task Snapshot_save_sends_tag_vmstate_and_devices_then_polls_the_job_and_dismisses_it()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var save = await peer.ExpectAsync("snapshot-save");
            var arguments = save.GetProperty("arguments");
            Assert.Equal("carve-snap-100", arguments.GetProperty("job-id").GetString());
            Assert.Equal("before-upgrade", arguments.GetProperty("tag").GetString());
            Assert.Equal("#block123", arguments.GetProperty("vmstate").GetString());
            Assert.Equal(["#block123", "#block456"], arguments.GetProperty("devices").EnumerateArray().Select(d => d.GetString()!));
            await peer.ReplyAsync(save, "{}");
            var poll = await peer.ExpectAsync("query-jobs");
            await peer.ReplyAsync(poll, """[{"current-progress": 0, "status": "running", "total-progress": 1, "type": "snapshot-save", "id": "carve-snap-100"}]""");
            // The event wakes the client at once: no polling delay.
            await peer.EventAsync("JOB_STATUS_CHANGE", """{"status": "concluded", "id": "carve-snap-100"}""");
            poll = await peer.ExpectAsync("query-jobs");
            await peer.ReplyAsync(poll, """[{"current-progress": 1, "status": "concluded", "total-progress": 1, "type": "snapshot-save", "id": "carve-snap-100"}]""");
            var dismiss = await peer.ExpectAsync("job-dismiss");
            Assert.Equal("carve-snap-100", dismiss.GetProperty("arguments").GetProperty("id").GetString());
            await peer.ReplyAsync(dismiss, "{}");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        await qmp.SnapshotSaveAsync("carve-snap-100", "before-upgrade", "#block123", ["#block123", "#block456"], CancellationToken.None);
        await qmp.WaitForJobAsync("carve-snap-100", TimeSpan.FromSeconds(30), CancellationToken.None);

        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task A_failed_job_is_dismissed_and_its_error_thrown()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var load = await peer.ExpectAsync("snapshot-load");
            await peer.ReplyAsync(load, "{}");
            var poll = await peer.ExpectAsync("query-jobs");
            await peer.ReplyAsync(poll, """[{"current-progress": 1, "status": "concluded", "total-progress": 1, "type": "snapshot-load", "id": "j", "error": "Snapshot 'nope' does not exist in one or more devices"}]""");
            var dismiss = await peer.ExpectAsync("job-dismiss");
            await peer.ReplyAsync(dismiss, "{}");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        await qmp.SnapshotLoadAsync("j", "nope", "disk", ["disk"], CancellationToken.None);
        var error = await Assert.ThrowsAsync<QmpException>(() => qmp.WaitForJobAsync("j", TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.Equal("snapshot-load", error.Command);
        Assert.Contains("does not exist", error.Description, StringComparison.Ordinal);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Disk_only_snapshots_are_one_transaction_and_delete_has_no_vmstate()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var transaction = await peer.ExpectAsync("transaction");
            var actions = transaction.GetProperty("arguments").GetProperty("actions").EnumerateArray().ToList();
            Assert.Equal(2, actions.Count);
            Assert.All(actions, a => Assert.Equal("blockdev-snapshot-internal-sync", a.GetProperty("type").GetString()));
            Assert.Equal(["disk0", "pflash1"], actions.Select(a => a.GetProperty("data").GetProperty("device").GetString()!));
            Assert.All(actions, a => Assert.Equal("s1", a.GetProperty("data").GetProperty("name").GetString()));
            await peer.ReplyAsync(transaction, "{}");
            var delete = await peer.ExpectAsync("snapshot-delete");
            Assert.False(delete.GetProperty("arguments").TryGetProperty("vmstate", out _));
            await peer.ErrorAsync(delete, "GenericError", "Job ID 'j' already in use");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        await qmp.InternalSnapshotTransactionAsync(["disk0", "pflash1"], "s1", CancellationToken.None);
        var error = await Assert.ThrowsAsync<QmpException>(() => qmp.SnapshotDeleteAsync("j", "s1", ["#block1"], CancellationToken.None));

        Assert.Equal("snapshot-delete", error.Command);
        await server.AssertCompletedAsync();
    }
}
