using Carve.Qemu.Qmp;

namespace Carve.Qemu.Tests.Qmp;

public sealed class QmpClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connect_reads_the_version_from_the_greeting_and_negotiates_capabilities()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.SendAsync(FakeQmpPeer.Greeting);
            var request = await peer.ExpectAsync("qmp_capabilities");
            Assert.False(request.TryGetProperty("arguments", out _));
            await peer.ReplyAsync(request, "{}");
        });

        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        Assert.Equal(new QemuVersion(7, 2, 22, "Debian 1:7.2+dfsg-7+deb12u18+b3"), qmp.Version);
        Assert.Equal("7.2.22", qmp.Version.ToString());
        Assert.True(qmp.Version.IsAtLeast(7, 2));
        Assert.True(qmp.IsConnected);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task An_event_interleaved_before_a_reply_is_surfaced_and_the_reply_still_matched()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var cont = await peer.ExpectAsync("cont");
            await peer.EventAsync("RESUME");
            await peer.ReplyAsync(cont, "{}");
            var status = await peer.ExpectAsync("query-status");
            await peer.ReplyAsync(status, """{"status": "running", "singlestep": false, "running": true}""");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        await qmp.ContAsync(CancellationToken.None);
        var status = await qmp.QueryStatusAsync(CancellationToken.None);
        var resumed = await qmp.Events.ReadAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(new QmpStatus("running", true), status);
        Assert.Equal(QmpEventNames.Resume, resumed.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).AddMilliseconds(250), resumed.Timestamp);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, resumed.Data.ValueKind);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task An_error_reply_becomes_a_QmpException_with_class_and_description()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var resize = await peer.ExpectAsync("block_resize");
            var arguments = resize.GetProperty("arguments");
            Assert.Equal("disk9", arguments.GetProperty("device").GetString());
            Assert.Equal("disk9", arguments.GetProperty("node-name").GetString());
            Assert.Equal(10L << 30, arguments.GetProperty("size").GetInt64());
            await peer.ErrorAsync(resize, "GenericError", "Cannot find device='disk9' nor node-name='disk9'");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        var error = await Assert.ThrowsAsync<QmpException>(() => qmp.BlockResizeAsync("disk9", 10L << 30, CancellationToken.None));

        Assert.Equal("block_resize", error.Command);
        Assert.Equal("GenericError", error.Class);
        Assert.Equal("Cannot find device='disk9' nor node-name='disk9'", error.Description);
        Assert.Contains("disk9", error.Message);
        Assert.True(qmp.IsConnected);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Concurrent_commands_get_their_own_replies_when_QEMU_answers_out_of_order()
    {
        const int count = 40;
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var requests = new List<System.Text.Json.JsonElement>();
            for (var i = 0; i < count; i++)
                requests.Add(await peer.ExpectAsync("human-monitor-command"));
            requests.Reverse();
            foreach (var request in requests)
            {
                var line = request.GetProperty("arguments").GetProperty("command-line").GetString();
                await peer.ReplyAsync(request, System.Text.Json.JsonSerializer.Serialize($"echo {line}\r\n"));
            }
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        var calls = Enumerable.Range(0, count)
            .Select(i => Task.Run(() => qmp.HumanMonitorCommandAsync($"info {i}", CancellationToken.None)))
            .ToList();
        var replies = await Task.WhenAll(calls).WaitAsync(Patience);

        for (var i = 0; i < count; i++)
            Assert.Equal($"echo info {i}\r\n", replies[i]);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task A_socket_closed_mid_command_fails_pending_work_with_a_clear_exception()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            await peer.ExpectAsync("query-status");
            peer.Close();
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);
        var shutdown = qmp.WaitForEventAsync(QmpEventNames.Shutdown, Patience, CancellationToken.None);

        var error = await Assert.ThrowsAsync<QmpDisconnectedException>(
            () => qmp.QueryStatusAsync(CancellationToken.None).WaitAsync(Patience));

        Assert.Contains("'query-status' failed: QEMU closed the QMP connection", error.Message);
        Assert.Contains(server.SocketPath, error.Message);
        await Assert.ThrowsAsync<QmpDisconnectedException>(() => shutdown);
        await qmp.Closed.WaitAsync(Patience);
        await qmp.Events.Completion.WaitAsync(Patience);
        Assert.False(qmp.IsConnected);
        // Later commands fail at once instead of waiting for a reply that cannot come.
        var later = await Assert.ThrowsAsync<QmpDisconnectedException>(() => qmp.QueryKvmAsync(CancellationToken.None));
        Assert.Contains("'query-kvm' failed", later.Message);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task WaitForEvent_registered_before_the_command_sees_an_event_that_precedes_the_reply()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var powerdown = await peer.ExpectAsync("system_powerdown");
            await peer.EventAsync("POWERDOWN");
            await peer.EventAsync("SHUTDOWN", """{"guest": true, "reason": "guest-shutdown"}""");
            await peer.ReplyAsync(powerdown, "{}");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        var shutdown = qmp.WaitForEventAsync(QmpEventNames.Shutdown, Patience, CancellationToken.None);
        await qmp.SystemPowerdownAsync(CancellationToken.None);
        var shutdownEvent = await shutdown;

        Assert.Equal("guest-shutdown", shutdownEvent.GetString("reason"));
        Assert.True(shutdownEvent.Data.GetProperty("guest").GetBoolean());
        Assert.Equal(QmpEventNames.Powerdown, (await qmp.Events.ReadAsync()).Name);
        Assert.Equal(QmpEventNames.Shutdown, (await qmp.Events.ReadAsync()).Name);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task WaitForEvent_times_out_with_a_sentence_naming_the_event()
    {
        await using var server = FakeQmpServer.Start(peer => peer.HandshakeAsync());
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => qmp.WaitForEventAsync(QmpEventNames.Shutdown, TimeSpan.FromMilliseconds(100), CancellationToken.None));

        Assert.Equal("QEMU sent no SHUTDOWN event within 0.1 s", error.Message);
    }

    [Fact]
    public async Task Quit_succeeds_when_QEMU_exits_before_replying()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            await peer.ExpectAsync("quit");
            await peer.EventAsync("SHUTDOWN", """{"guest": false, "reason": "host-qmp-quit"}""");
            peer.Close();
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        await qmp.QuitAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal("host-qmp-quit", (await qmp.Events.ReadAsync()).GetString("reason"));
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Query_commands_parse_QEMU_7_2_replies_into_records()
    {
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            await peer.ReplyAsync(await peer.ExpectAsync("query-kvm"), """{"enabled": false, "present": true}""");
            await peer.ReplyAsync(await peer.ExpectAsync("query-block"), QueryBlockReply);
            await peer.ReplyAsync(await peer.ExpectAsync("query-cpus-fast"), QueryCpusFastReply);
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);

        var kvm = await qmp.QueryKvmAsync(CancellationToken.None);
        var block = await qmp.QueryBlockAsync(CancellationToken.None);
        var cpus = await qmp.QueryCpusFastAsync(CancellationToken.None);

        Assert.Equal(new QmpKvmInfo(Enabled: false, Present: true), kvm);
        Assert.Equal(
            [
                new QmpBlockDevice("disk0", "/machine/peripheral/disk0/virtio-backend", "/var/lib/carve/images/vm-100-disk0.qcow2",
                    "qcow2", "#block172", 67108864, ReadOnly: false, Removable: false),
                new QmpBlockDevice("cdrom0", "/machine/peripheral/cdrom0", null, null, null, null, ReadOnly: false, Removable: true),
            ],
            block);
        Assert.Equal([new QmpCpu(0, 10219, "/machine/unattached/device[0]"), new QmpCpu(1, 10220, "/machine/unattached/device[2]")], cpus);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Cancelling_a_command_leaves_the_connection_usable_and_ignores_the_late_reply()
    {
        var received = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            var slow = await peer.ExpectAsync("query-status");
            received.SetResult();
            await cancelled.Task;
            await peer.ReplyAsync(slow, """{"status": "paused", "running": false}""");
            await peer.ReplyAsync(await peer.ExpectAsync("query-kvm"), """{"enabled": true, "present": true}""");
        });
        await using var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var slowCall = qmp.QueryStatusAsync(cts.Token);
        await received.Task.WaitAsync(Patience);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slowCall);
        cancelled.SetResult();

        Assert.Equal(new QmpKvmInfo(true, true), await qmp.QueryKvmAsync(CancellationToken.None).WaitAsync(Patience));
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Disposing_fails_pending_commands()
    {
        var received = new TaskCompletionSource();
        var hold = new TaskCompletionSource();
        await using var server = FakeQmpServer.Start(async peer =>
        {
            await peer.HandshakeAsync();
            await peer.ExpectAsync("query-status");
            received.SetResult();
            await hold.Task;
        });
        var qmp = await QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None);
        var pending = qmp.QueryStatusAsync(CancellationToken.None);
        await received.Task.WaitAsync(Patience);

        await qmp.DisposeAsync();
        hold.SetResult();

        var error = await Assert.ThrowsAsync<QmpDisconnectedException>(() => pending.WaitAsync(Patience));
        Assert.Contains("disposed", error.Message);
        await server.AssertCompletedAsync();
    }

    [Fact]
    public async Task Connect_gives_up_when_QEMU_sends_no_greeting()
    {
        var release = new TaskCompletionSource();
        await using var server = FakeQmpServer.Start(_ => release.Task);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => QmpClient.ConnectAsync(server.SocketPath, TimeSpan.FromMilliseconds(200), CancellationToken.None));
        release.SetResult();

        Assert.Contains("another client", error.Message);
    }

    [Fact]
    public async Task Connect_refuses_a_peer_that_does_not_speak_QMP()
    {
        await using var server = FakeQmpServer.Start(peer => peer.SendAsync("""{"hello": "not qmp"}"""));

        var error = await Assert.ThrowsAsync<QmpDisconnectedException>(
            () => QmpClient.ConnectAsync(server.SocketPath, CancellationToken.None));

        Assert.Contains("did not greet with QMP", error.Message);
    }

    [Fact]
    public async Task Connect_to_a_missing_socket_says_which_socket()
    {
        var error = await Assert.ThrowsAsync<QmpDisconnectedException>(
            () => QmpClient.ConnectAsync("/tmp/carve-no-such-dir/qmp.sock", CancellationToken.None));

        Assert.Contains("/tmp/carve-no-such-dir/qmp.sock", error.Message);
    }

    private const string QueryBlockReply = """
        [{"io-status": "ok", "device": "disk0", "locked": false, "removable": false,
          "inserted": {"iops_rd": 0, "detect_zeroes": "off",
            "image": {"virtual-size": 67108864, "filename": "/var/lib/carve/images/vm-100-disk0.qcow2", "cluster-size": 65536,
                      "format": "qcow2", "actual-size": 200704, "dirty-flag": false},
            "iops_wr": 0, "ro": false, "node-name": "#block172", "backing_file_depth": 0, "drv": "qcow2",
            "encrypted": false, "cache": {"no-flush": false, "direct": false, "writeback": true},
            "file": "/var/lib/carve/images/vm-100-disk0.qcow2"},
          "qdev": "/machine/peripheral/disk0/virtio-backend", "type": "unknown"},
         {"device": "cdrom0", "locked": false, "removable": true, "tray_open": false,
          "qdev": "/machine/peripheral/cdrom0", "type": "unknown"}]
        """;

    private const string QueryCpusFastReply = """
        [{"thread-id": 10219, "props": {"core-id": 0, "thread-id": 0, "socket-id": 0},
          "qom-path": "/machine/unattached/device[0]", "cpu-index": 0, "target": "x86_64"},
         {"thread-id": 10220, "props": {"core-id": 1, "thread-id": 0, "socket-id": 0},
          "qom-path": "/machine/unattached/device[2]", "cpu-index": 1, "target": "x86_64"}]
        """;
}
