using System.Text.Json;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// The box that runs the router and the DNS filter comes back by itself: after a power cut and a new boot id the onboot
/// guests start in their order, the others stay stopped; a plain restart of carved touches nothing; at a host
/// shutdown the guests go down in reverse order.
/// </summary>
public sealed class HostRebootTests : IAsyncDisposable
{
    private readonly string _bootId = Path.Combine(Directory.CreateTempSubdirectory("carve-boot-").FullName, "boot_id");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Path.GetDirectoryName(_bootId)!, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Task<DaemonProcess> StartAsync(string stopGuestsOnExit = "host-shutdown")
    {
        Boot("boot-1");
        return DaemonProcess.StartAsync(extraConfig: new Dictionary<string, object> { ["bootIdFile"] = _bootId, ["stopGuestsOnExit"] = stopGuestsOnExit });
    }

    private void Boot(string id) => File.WriteAllText(_bootId, id + "\n");

    [Fact]
    public async Task AfterAPowerCutTheOnbootGuestsComeBackInOrderAndTheOthersStayStopped()
    {
        await using var d = await StartAsync();
        (await d.CreateDirectBootVmAsync("router")).EnsureSuccess();
        (await d.CarveAsync("vm", "set", "router", "--onboot", "--startup", "order=1,up=90,ready=CARVE-READY")).EnsureSuccess();
        foreach (var ct in new[] { "dns", "lab" })
            (await d.CarveAsync("ct", "create", ct, "--template", "busybox", "--memory", "64")).EnsureSuccess();
        (await d.CarveAsync("ct", "set", "dns", "--onboot", "--startup", "order=2")).EnsureSuccess();
        Assert.Contains("starts with the host, order 1, up 90 s, up when it prints 'CARVE-READY'", (await d.CarveAsync("vm", "show", "router")).Stdout, StringComparison.Ordinal);
        (await d.CarveAsync("vm", "start", "router")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "dns")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "lab")).EnsureSuccess();
        await d.WaitForConsoleAsync("router", TimeSpan.FromSeconds(90), "CARVE-READY");
        var inits = new[] { await InitPidAsync(d, "dns"), await InitPidAsync(d, "lab") };

        await PowerLoss.CutAsync(d, inits);
        Boot("boot-2");
        await d.LaunchAsync();
        var boot = await WaitForTaskAsync(d, "host-start-guests");

        Assert.Equal("running", Status(await d.ShowAsync("router")));
        Assert.Equal("running", Status(await d.ShowCtAsync("dns")));
        Assert.Equal("stopped", Status(await d.ShowCtAsync("lab")));
        Assert.Equal(0, (await d.CarveAsync("ct", "exec", "dns", "--", "true")).ExitCode);
        // The DNS filter waited for the router's boot to print its marker: this boot's, read from the console log.
        Assert.Contains("Waiting up to 90 s for router to print 'CARVE-READY'.", Log(boot));
        Assert.Contains(Log(boot), l => l?.StartsWith("router printed 'CARVE-READY' after ", StringComparison.Ordinal) == true);
        var router = await StartTaskAsync(d, "vm-start", "router");
        var dns = await StartTaskAsync(d, "ct-start", "dns");
        Assert.True(dns.GetProperty("createdAt").GetDateTimeOffset() > router.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.Equal(BootStartUser, router.GetProperty("user").GetString());
        // It really booted again: a fresh console log with the marker.
        await d.WaitForConsoleAsync("router", TimeSpan.FromSeconds(90), "CARVE-READY");

        // A plain restart of carved on the same boot touches no guest.
        var qemu = await d.QemuPidAsync("router");
        await d.StopAsync();
        await d.LaunchAsync();
        Assert.Equal(qemu, await d.QemuPidAsync("router"));
        Assert.Single(await TasksAsync(d, "host-start-guests"));

        (await d.CarveAsync("ct", "delete", "dns", "--force")).EnsureSuccess();
        (await d.CarveAsync("ct", "delete", "lab", "--force")).EnsureSuccess();
    }

    [Fact]
    public async Task AtAHostShutdownTheGuestsGoDownInReverseOrderWithinTheirOwnTimeouts()
    {
        // "always" stands in for systemd saying the system is stopping, which a test cannot make happen.
        await using var d = await StartAsync(stopGuestsOnExit: "always");
        (await d.CreateDirectBootVmAsync("router")).EnsureSuccess();
        (await d.CarveAsync("vm", "set", "router", "--onboot", "--startup", "order=1,down=20")).EnsureSuccess();
        (await d.CarveAsync("ct", "create", "dns", "--template", "busybox", "--memory", "64")).EnsureSuccess();
        (await d.CarveAsync("ct", "set", "dns", "--startup", "order=2,down=5")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "router")).EnsureSuccess();
        (await d.CarveAsync("ct", "start", "dns")).EnsureSuccess();
        await d.WaitForConsoleAsync("router", TimeSpan.FromSeconds(90), "CARVE-READY");

        await d.StopAsync();

        await d.LaunchAsync();
        Assert.Equal("stopped", Status(await d.ShowAsync("router")));
        Assert.Equal("stopped", Status(await d.ShowCtAsync("dns")));
        var stop = Assert.Single(await TasksAsync(d, "host-stop-guests"));
        Assert.Equal("succeeded", stop.GetProperty("status").GetString());
        var shutdowns = (await TasksAsync(d, "vm-shutdown")).Concat(await TasksAsync(d, "ct-shutdown"))
            .OrderBy(t => t.GetProperty("createdAt").GetDateTimeOffset()).Select(t => t.GetProperty("guest").GetString());
        Assert.Equal(["dns", "router"], shutdowns);
        (await d.CarveAsync("ct", "delete", "dns")).EnsureSuccess();
    }

    [Fact]
    public async Task AContainerThatDiesOnItsOwnIsStartedAgain()
    {
        await using var d = await StartAsync();
        (await d.CarveAsync("ct", "create", "pihole", "--template", "busybox", "--memory", "64", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "set", "pihole", "--restart", "on-crash")).EnsureSuccess();
        var first = await InitPidAsync(d, "pihole");
        // Let the watch see it running once before it dies.
        await Task.Delay(TimeSpan.FromSeconds(5));

        await Processes.RunAsync("kill", ["-KILL", $"{first}"]);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !await RunsWithNewInitAsync(d, "pihole", first))
            await Task.Delay(500);
        Assert.True(await RunsWithNewInitAsync(d, "pihole", first), "pihole was not started again after its crash\n" + d.Log);
        var restart = (await TasksAsync(d, "ct-start"))[0];
        Assert.Equal("carved (restart on crash)", restart.GetProperty("user").GetString());
        Assert.Contains("died without Carve stopping it", d.Log, StringComparison.Ordinal);

        // A stop by Carve is not a crash.
        (await d.CarveAsync("ct", "stop", "pihole")).EnsureSuccess();
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal("stopped", Status(await d.ShowCtAsync("pihole")));
        (await d.CarveAsync("ct", "delete", "pihole")).EnsureSuccess();
    }

    private const string BootStartUser = "carved (host boot)";

    private static string? Status(JsonElement guest) => guest.GetProperty("status").GetString();

    private static async Task<int> InitPidAsync(DaemonProcess d, string ct) =>
        (await d.ShowCtAsync(ct)).GetProperty("runtime").GetProperty("initPid").GetInt32();

    private static async Task<bool> RunsWithNewInitAsync(DaemonProcess d, string ct, int old)
    {
        var view = await d.ShowCtAsync(ct);
        return Status(view) == "running" && view.GetProperty("runtime").GetProperty("initPid").GetInt32() != old;
    }

    /// <summary>The tasks of one type, newest first, with their logs.</summary>
    private static async Task<IReadOnlyList<JsonElement>> TasksAsync(DaemonProcess d, string type) =>
        Json.Parse(await d.CarveAsync("task", "list", "--limit", "200", "-o", "json")).EnumerateArray()
            .Where(t => t.GetProperty("type").GetString() == type).ToList();

    /// <summary>The guest's newest start task.</summary>
    private static async Task<JsonElement> StartTaskAsync(DaemonProcess d, string type, string guest) =>
        (await TasksAsync(d, type)).First(t => t.GetProperty("guest").GetString() == guest);

    private static async Task<JsonElement> WaitForTaskAsync(DaemonProcess d, string type)
    {
        var tasks = await TasksAsync(d, type);
        Assert.True(tasks.Count > 0, $"no {type} task after the boot\n{d.Log}");
        var task = tasks[0];
        (await d.CarveAsync("task", "wait", task.GetProperty("id").GetString()!)).EnsureSuccess();
        return Json.Parse(await d.CarveAsync("task", "show", task.GetProperty("id").GetString()!, "-o", "json"));
    }

    private static IReadOnlyList<string?> Log(JsonElement task) =>
        task.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
}
