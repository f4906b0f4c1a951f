using System.Net;
using System.Text.Json.Nodes;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Create, show, change and delete VMs through the API, without ever booting one.</summary>
public sealed class VmLifecycleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;
    private HttpClient Socket => Server.Socket;

    private async Task<JsonNode> Show(string reference)
    {
        using var response = await Socket.GetAsync($"/api/v1/vms/{reference}");
        await Rest.ExpectStatus(response, HttpStatusCode.OK);
        return await Rest.ReadJson(response);
    }

    /// <summary>A VM with one empty disk of the given size, created and waited for; returns its id.</summary>
    private async Task<int> CreateWithDisk(string name, string size = "1G")
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name, disks = new[] { new { size } } }));
        return (int)(await Show(name))["id"]!;
    }

    private async Task<JsonNode> ExpectAcceptedTask(HttpResponseMessage response)
    {
        await Rest.ExpectStatus(response, HttpStatusCode.Accepted);
        return await Rest.ExpectSucceeded(Socket, (string)(await Rest.ReadJson(response))["taskId"]!);
    }

    [Fact]
    public async Task Create_show_and_delete_a_vm_with_an_empty_disk()
    {
        using var create = await Socket.PostAsync("/api/v1/vms", Rest.Json(new { name = "life", disks = new[] { new { size = "1G" } } }));
        await Rest.ExpectStatus(create, HttpStatusCode.Accepted);
        var accepted = await Rest.ReadJson(create);
        var taskId = (string)accepted["taskId"]!;
        Assert.Equal($"/api/v1/tasks/{taskId}", create.Headers.Location?.OriginalString);

        var task = await Rest.ExpectSucceeded(Socket, taskId);
        Assert.Equal(("vm-create", "life", "root@local"), ((string?)task["type"], (string?)task["guest"], (string?)task["user"]));

        var byName = await Show("life");
        var id = (int)byName["id"]!;
        Assert.True(id >= 100);
        var byId = await Show(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("life", (string?)byId["name"]);
        Assert.Equal("stopped", (string?)byName["status"]);
        Assert.Null(byName["lock"]);

        var disk = byName["disks"]!.AsArray().Single()!;
        Assert.Equal(("disk0", "local"), ((string?)disk["name"], (string?)disk["pool"]));
        Assert.Equal(1L << 30, (long)disk["virtualSizeBytes"]!);
        var volume = Path.Combine(Server.Dirs.Pool, (string)disk["volume"]!);
        Assert.True(File.Exists(volume), $"{volume} should exist");
        Assert.Contains("life", await Rest.VmNames(Socket));

        using var delete = await Socket.DeleteAsync("/api/v1/vms/life");
        Assert.Equal("vm-delete", (string?)(await ExpectAcceptedTask(delete))["type"]);

        Assert.False(File.Exists(volume), $"{volume} should be gone");
        using var gone = await Socket.GetAsync("/api/v1/vms/life");
        await Rest.ExpectProblem(gone, HttpStatusCode.NotFound);
        using var goneById = await Socket.GetAsync($"/api/v1/vms/{id}");
        await Rest.ExpectProblem(goneById, HttpStatusCode.NotFound);
        Assert.DoesNotContain("life", await Rest.VmNames(Socket));
    }

    [Fact]
    public async Task Defaults_are_shown_for_a_vm_created_with_a_name_only()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "plain" }));
        var config = (await Show("plain"))["config"]!;
        Assert.Equal((1, 512, "bios", "auto"), ((int)config["cpus"]!, (int)config["memoryMiB"]!, (string?)config["firmware"], (string?)config["accel"]));
        var nic = config["nics"]!.AsArray().Single()!;
        Assert.Equal(("user", "virtio"), ((string?)nic["network"], (string?)nic["model"]));
        Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", (string?)nic["mac"]);
    }

    [Fact]
    public async Task A_requested_id_is_used()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "fixed-id", id = 777, nics = Array.Empty<object>() }));
        Assert.Equal("fixed-id", (string?)(await Show("777"))["name"]);
    }

    [Fact]
    public async Task Stopping_a_stopped_vm_is_a_409_with_a_clear_sentence_and_makes_no_task()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "idle", nics = Array.Empty<object>() }));
        var id = (int)(await Show("idle"))["id"]!;

        foreach (var action in new[] { "stop", "shutdown", "reboot" })
        {
            using var response = await Socket.PostAsync($"/api/v1/vms/idle/{action}", null);
            Assert.Equal($"vm idle ({id}) is not running.", await Rest.ExpectProblem(response, HttpStatusCode.Conflict));
        }
        var tasks = await Rest.GetArray(Socket, "/api/v1/tasks?guest=idle");
        Assert.Equal(["vm-create"], tasks.Select(t => (string?)t!["type"]));
        Assert.Null((await Show("idle"))["lock"]);
    }

    [Fact]
    public async Task Creating_a_vm_with_a_taken_name_is_a_409()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "twin", nics = Array.Empty<object>() }));
        var entries = Server.Dirs.PoolEntries().Count;

        using var again = await Socket.PostAsync("/api/v1/vms", Rest.Json(new { name = "twin", disks = new[] { new { size = "1G" } } }));
        var detail = await Rest.ExpectProblem(again, HttpStatusCode.Conflict);
        Assert.Contains("'twin' is already used", detail);
        Assert.Single(await Rest.VmNames(Socket), n => n == "twin");
        Assert.Equal(entries, Server.Dirs.PoolEntries().Count);
    }

    [Fact]
    public async Task Creating_a_vm_with_a_taken_id_is_a_409()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "first-300", id = 300, nics = Array.Empty<object>() }));
        using var again = await Socket.PostAsync("/api/v1/vms", Rest.Json(new { name = "second-300", id = 300 }));
        Assert.Contains("300", await Rest.ExpectProblem(again, HttpStatusCode.Conflict));
        Assert.DoesNotContain("second-300", await Rest.VmNames(Socket));
    }

    [Fact]
    public async Task Patch_with_nothing_to_change_is_a_400()
    {
        await Rest.ExpectSucceeded(Socket, await Rest.CreateVm(Socket, new { name = "unchanged", nics = Array.Empty<object>() }));
        using var response = await Socket.PatchAsync("/api/v1/vms/unchanged", Rest.RawJson("{}"));
        Assert.Contains("Nothing to change", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"cpu":2}""")]
    [InlineData("""{"cpus":0}""")]
    [InlineData("""{"memoryMiB":1}""")]
    [InlineData("""{"cpus":"2"}""")]
    [InlineData("""{"resizeDisks":[{"disk":"disk9","size":"2G"}]}""")]
    [InlineData("""{"resizeDisks":[{"disk":"disk0","size":"2X"}]}""")]
    [InlineData("""{"resizeDisks":[{"disk":"disk0","size":null}]}""")]
    [InlineData("""{"resizeDisks":[null]}""")]
    public async Task Patch_with_an_unknown_field_or_a_bad_value_is_a_400_and_changes_nothing(string body)
    {
        // One VM serves every case; the first case makes it.
        using (var existing = await Socket.GetAsync("/api/v1/vms/strict-patch"))
            if (existing.StatusCode == HttpStatusCode.NotFound)
                await CreateWithDisk("strict-patch", "1M");

        using var response = await Socket.PatchAsync("/api/v1/vms/strict-patch", Rest.RawJson(body));
        await Rest.ExpectProblem(response, HttpStatusCode.BadRequest);
        var vm = await Show("strict-patch");
        Assert.Equal(1, (int)vm["config"]!["cpus"]!);
        Assert.Equal(1L << 20, (long)vm["disks"]![0]!["virtualSizeBytes"]!);
    }

    [Fact]
    public async Task Shrinking_a_disk_is_a_400_and_leaves_it_as_it_was()
    {
        await CreateWithDisk("shrinky", "1G");
        foreach (var size in new[] { "512M", "1G", "+0" })
        {
            using var response = await Socket.PatchAsync("/api/v1/vms/shrinky",
                Rest.Json(new { resizeDisks = new[] { new { disk = "disk0", size } } }));
            Assert.Contains("can only grow", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest));
        }
        Assert.Equal(1L << 30, (long)(await Show("shrinky"))["disks"]![0]!["virtualSizeBytes"]!);
    }

    [Fact]
    public async Task Growing_a_disk_and_changing_cpus_memory_and_description_is_a_task()
    {
        await CreateWithDisk("grower", "1G");
        using var response = await Socket.PatchAsync("/api/v1/vms/grower",
            Rest.Json(new { cpus = 2, memoryMiB = 1024, description = "grown", resizeDisks = new[] { new { disk = "disk0", size = "+1G" } } }));
        Assert.Equal("vm-set", (string?)(await ExpectAcceptedTask(response))["type"]);

        var vm = await Show("grower");
        Assert.Equal((2, 1024, "grown"), ((int)vm["config"]!["cpus"]!, (int)vm["config"]!["memoryMiB"]!, (string?)vm["config"]!["description"]));
        Assert.Equal(2L << 30, (long)vm["disks"]![0]!["virtualSizeBytes"]!);
    }

    [Fact]
    public async Task Deleting_a_vm_by_id_removes_it()
    {
        var id = await CreateWithDisk("by-id", "1G");
        using var delete = await Socket.DeleteAsync($"/api/v1/vms/{id}");
        await ExpectAcceptedTask(delete);
        Assert.DoesNotContain("by-id", await Rest.VmNames(Socket));
        Assert.DoesNotContain(Server.Dirs.PoolEntries(), f => f.StartsWith($"vm-{id}-", StringComparison.Ordinal));
    }
}
