using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Carve.Api.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Carve.Api.Tests;

/// <summary>
/// State lives in the data dir, not in the process: a new daemon on the same dirs sees what the old one
/// made, and settles what the old one left half done.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly ServerDirs _dirs = new();

    public void Dispose() => _dirs.Dispose();

    /// <summary>Writes rows straight into the stopped daemon's database, as a crash would leave them.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Every caller passes a constant statement; values go in as parameters.")]
    private void Sql(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={_dirs.Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private async Task<Stopping> Start() => new(await CarveServer.StartAsync(_dirs));

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_vm_and_a_token_survive_a_restart()
    {
        string secret, password;
        int id;
        await using (var first = await Start())
        {
            await Rest.ExpectSucceeded(first.Server.Socket, await Rest.CreateVm(first.Server.Socket, new { name = "keeper", disks = new[] { new { size = "1G" } } }));
            using var show = await first.Server.Socket.GetAsync("/api/v1/vms/keeper");
            id = (int)(await Rest.ReadJson(show))["id"]!;
            using var token = await first.Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "survivor", role = "viewer" }));
            secret = (string)(await Rest.ReadJson(token))["secret"]!;
            password = File.ReadAllText(_dirs.AdminPasswordFile);
        }

        await using var second = await Start();
        var socket = second.Server.Socket;
        Assert.Equal(["keeper"], await Rest.VmNames(socket));
        using (var show = await socket.GetAsync("/api/v1/vms/keeper"))
        {
            var vm = await Rest.ReadJson(show);
            Assert.Equal(id, (int)vm["id"]!);
            Assert.Equal(1L << 30, (long)vm["disks"]![0]!["virtualSizeBytes"]!);
        }
        Assert.True(File.Exists(Path.Combine(_dirs.Pool, $"vm-{id}-disk0.qcow2")));

        using (var viaToken = await second.Server.Https(secret).GetAsync("/api/v1/vms"))
            await Rest.ExpectStatus(viaToken, HttpStatusCode.OK);
        // The first start made the admin password; a restart neither changes nor re-announces it.
        Assert.Equal(password, File.ReadAllText(_dirs.AdminPasswordFile));
    }

    [Fact]
    public async Task A_task_left_running_is_failed_and_a_half_created_guest_is_removed_at_restart()
    {
        await using (var first = await Start())
            await Rest.ExpectSucceeded(first.Server.Socket, await Rest.CreateVm(first.Server.Socket, new { name = "whole", nics = Array.Empty<object>() }));

        // As a crash in the middle of "vm-create" would leave it: the row locked, one volume made, its task running.
        const int halfId = 555;
        // Stored as a daemon from before the one guest model wrote it: one flat object, common and VM settings side by side.
        var config = $$"""
            {"uuid":"{{Guid.NewGuid()}}","cpus":1,"memoryMiB":512,"firmware":"bios","accel":"auto","cdrom":null,"kernel":null,"initrd":null,"cmdline":null,
             "disks":[{"name":"disk0","pool":"local","volume":"vm-{{halfId}}-disk0.qcow2","format":"qcow2","bus":"virtio"}],
             "nics":[{"name":"net0","network":"user","model":"virtio","mac":"02:00:00:00:05:55","vlan":null,"ip":null,"publish":[],"onCarveNetwork":false}],
             "efiVars":null,"description":null,"hostPci":[],"hostUsb":[]}
            """;
        var volume = Path.Combine(_dirs.Pool, $"vm-{halfId}-disk0.qcow2");
        await QemuImg.Create(volume, "1M");
        Sql("INSERT INTO guests (id, name, kind, config, template, lock, lock_task, created_at) VALUES ($id, 'halfmade', 'vm', $config, 0, 'vm-create', 'thalfmade', $now)",
            ("$id", halfId), ("$config", config), ("$now", Now()));
        Sql("INSERT INTO tasks (id, type, guest_id, guest_name, user, status, progress, created_at, started_at) VALUES ('thalfmade', 'vm-create', $id, 'halfmade', 'root@local', 'running', 40, $now, $now)",
            ("$id", halfId), ("$now", Now()));
        Sql("INSERT INTO tasks (id, type, user, status, progress, created_at) VALUES ('tqueued', 'vm-start', 'root@local', 'queued', 0, $now)",
            ("$now", Now()));

        await using var second = await Start();
        var socket = second.Server.Socket;

        Assert.Equal(["whole"], await Rest.VmNames(socket));
        Assert.False(File.Exists(volume), "the half-made guest's volume should be removed");
        using (var gone = await socket.GetAsync($"/api/v1/vms/{halfId}"))
            await Rest.ExpectProblem(gone, HttpStatusCode.NotFound);

        foreach (var taskId in new[] { "thalfmade", "tqueued" })
        {
            using var response = await socket.GetAsync($"/api/v1/tasks/{taskId}");
            await Rest.ExpectStatus(response, HttpStatusCode.OK);
            var task = await Rest.ReadJson(response);
            Assert.Equal("failed", (string?)task["status"]);
            Assert.Contains("interrupted", (string?)task["error"]);
            Assert.NotNull(task["finishedAt"]);
        }
    }

    [Fact]
    public async Task A_guest_locked_by_another_operation_is_kept_and_unlocked_at_restart()
    {
        await using (var first = await Start())
            await Rest.ExpectSucceeded(first.Server.Socket, await Rest.CreateVm(first.Server.Socket, new { name = "was-starting", nics = Array.Empty<object>() }));
        Sql("UPDATE guests SET lock = 'vm-start', lock_task = 'tstart' WHERE name = 'was-starting'");

        await using var second = await Start();
        using var show = await second.Server.Socket.GetAsync("/api/v1/vms/was-starting");
        await Rest.ExpectStatus(show, HttpStatusCode.OK);
        Assert.Null((await Rest.ReadJson(show))["lock"]);
    }

    /// <summary>Stops a daemon at the end of a using block but keeps its dirs, so the next one can take over.</summary>
    private sealed class Stopping(CarveServer server) : IAsyncDisposable
    {
        public CarveServer Server { get; } = server;

        public ValueTask DisposeAsync() => new(Server.StopAsync());
    }
}
