using System.Security.Cryptography;
using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>A VM made in the wizard from the test guest really boots, and both its consoles work in their own tabs.</summary>
public sealed class VmConsoleTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_vm_created_in_the_wizard_boots_and_its_serial_and_vnc_consoles_work()
    {
        var page = await web.LoggedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web-vm");
        await page.GetByLabel("Memory (MiB)").FillAsync("256");
        await page.GetByLabel("Boot from").SelectOptionAsync("kernel");
        await page.GetByLabel("Kernel", new() { Exact = true }).SelectOptionAsync(TestGuest.Kernel);
        await page.GetByLabel("Initrd").SelectOptionAsync(TestGuest.Initrd);
        await page.GetByLabel("New disk size").FillAsync("");
        await Assertions.Expect(page.GetByLabel("Start it once created")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await WebPages.ExpectGuestPageAsync(page, "VM web-vm");
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("running", new() { Timeout = 60_000 });
        // The task panel shows the create task, finished.
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("succeeded");
        await WebFixture.ScreenshotAsync(page, "guest");

        // Settings: memory of a running VM is stored and shown at once (it applies at the next start).
        await page.GetByLabel("Memory (MiB)").FillAsync("320");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved" })).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.Locator("dd").Filter(new() { HasText = "320 MiB" })).ToHaveCountAsync(1);

        // The boot policy: start with the host, first, and restart after a crash.
        await page.GetByLabel("Start with the host").CheckAsync();
        await page.GetByLabel("Start order").FillAsync("1");
        await page.GetByLabel("Restart on crash").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("dd").Filter(new() { HasText = "yes, order 1; restarts on crash" })).ToHaveCountAsync(1);
        var boot = System.Text.Json.JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/vms/web-vm")).TextAsync())
            .RootElement.GetProperty("config").GetProperty("boot");
        Assert.Equal((true, 1, "on-crash"), (boot.GetProperty("onBoot").GetBoolean(), boot.GetProperty("order").GetInt32(), boot.GetProperty("restart").GetString()));

        var serial = await WebPages.OpenConsoleTabAsync(web, page, "Serial console (opens a new tab)");
        Assert.EndsWith("#/console/vm/web-vm/serial", serial.Url);
        await WebPages.ExpectTerminalAsync(serial, "CARVE-BOOT-OK");
        await WebPages.ExpectTerminalAsync(serial, "CARVE-READY");
        var n = RandomNumberGenerator.GetInt32(1000, 100000);
        // The shell computes the answer, so seeing it proves the keys reached the guest and its output came back.
        await WebPages.TypeLineAsync(serial, $"echo hello-$(({n}+1))");
        await WebPages.ExpectTerminalAsync(serial, $"hello-{n + 1}");
        await WebFixture.ScreenshotAsync(serial, "serial-console");
        await serial.CloseAsync();

        var screen = await WebPages.OpenConsoleTabAsync(web, page, "Screen (noVNC) (opens a new tab)");
        Assert.EndsWith("#/console/vm/web-vm/vnc", screen.Url);
        await Assertions.Expect(screen.Locator(".console-area canvas")).ToBeVisibleAsync();
        var lit = 0;
        for (var deadline = DateTime.UtcNow + WebPages.BootTimeout; lit == 0 && DateTime.UtcNow < deadline; await Task.Delay(500))
            lit = await screen.EvaluateAsync<int>(CountLitPixels);
        Assert.True(lit > 0, "the noVNC canvas stayed blank");
        await WebFixture.ScreenshotAsync(screen, "vnc-console");

        // The guest list finds it by name and filters it out by state.
        await page.GetByRole(AriaRole.Link, new() { Name = "Guests", Exact = true }).ClickAsync();
        await page.GetByLabel("Search guests").FillAsync("web-v");
        await Assertions.Expect(page.Locator("tr[data-guest='web-vm']")).ToContainTextAsync("running");
        await page.GetByLabel("State").SelectOptionAsync("stopped");
        await Assertions.Expect(page.Locator("tr[data-guest='web-vm']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        // Other tests of this class may have left guests running: the dashboard must agree with the API.
        var guests = System.Text.Json.JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/v1/guests")).TextAsync()).RootElement;
        var running = guests.EnumerateArray().Count(g => g.GetProperty("status").GetString() == "running");
        Assert.True(running >= 1);
        await Assertions.Expect(page.GetByTestId("guest-counts")).ToHaveTextAsync($"{running} running / {guests.GetArrayLength() - running} stopped");
        await WebFixture.ScreenshotAsync(page, "dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_console_that_drops_says_so_and_reconnects_when_asked()
    {
        (await web.Daemon.CreateDirectBootVmAsync("dropper", "--start")).EnsureSuccess();
        var page = await web.LoggedInPageAsync();
        await page.GotoAsync("/#/guests/vm/dropper");
        var serial = await WebPages.OpenConsoleTabAsync(web, page, "Serial console (opens a new tab)");
        await WebPages.ExpectTerminalAsync(serial, "CARVE-READY");

        (await web.Daemon.CarveAsync("vm", "stop", "dropper")).EnsureSuccess();
        await Assertions.Expect(serial.GetByRole(AriaRole.Alert)).ToContainTextAsync("Console disconnected");
        await Assertions.Expect(serial.GetByTestId("console-state")).ToHaveTextAsync("disconnected");

        (await web.Daemon.CarveAsync("vm", "start", "dropper")).EnsureSuccess();
        await WaitForSecondBootAsync("dropper");
        await serial.GetByRole(AriaRole.Button, new() { Name = "Reconnect", Exact = true }).ClickAsync();
        await Assertions.Expect(serial.GetByTestId("console-state")).ToHaveTextAsync("connected", new() { Timeout = 60_000 });
        await Assertions.Expect(serial.GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        var n = RandomNumberGenerator.GetInt32(1000, 100000);
        await WebPages.TypeLineAsync(serial, $"echo again-$(({n}+2))");
        await WebPages.ExpectTerminalAsync(serial, $"again-{n + 2}");
        await page.Context.CloseAsync();
    }

    /// <summary>Until the guest's shell is up again: the console log then holds two CARVE-READY markers.</summary>
    private async Task WaitForSecondBootAsync(string vm)
    {
        var log = "";
        for (var deadline = DateTime.UtcNow + WebPages.BootTimeout; DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            log = (await web.Daemon.CarveAsync("vm", "console", vm, "--log")).Stdout;
            if (log.Split("CARVE-READY").Length > 2)
                return;
        }
        Assert.Fail($"{vm} did not boot a second time:\n{log}");
    }

    // Counts the pixels of noVNC's canvas that are not black: the guest's text screen (BIOS, kernel) lights some.
    private const string CountLitPixels = """
        () => {
          const c = document.querySelector('.console-area canvas');
          if (!c || c.width === 0 || c.height === 0) return 0;
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let lit = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 60) lit++;
          return lit;
        }
        """;
}
