using System.Security.Cryptography;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>A busybox container made in the wizard runs, and its console in a browser tab runs a command.</summary>
public sealed class ContainerConsoleTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_container_created_in_the_wizard_runs_a_command_in_its_console_tab()
    {
        var page = await web.LoggedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.GetByLabel("Container (shares the host kernel, LXC)").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web-ct");
        await page.GetByLabel("Template").SelectOptionAsync("busybox");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await WebPages.ExpectGuestPageAsync(page, "Container web-ct");
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("running", new() { Timeout = 60_000 });

        var console = await WebPages.OpenConsoleTabAsync(web, page, "Console (opens a new tab)");
        Assert.EndsWith("#/console/ct/web-ct/console", console.Url);
        var n = RandomNumberGenerator.GetInt32(1000, 100000);
        await WebPages.TypeLineAsync(console, $"echo ct-$(({n}*2)) $(hostname)");
        await WebPages.ExpectTerminalAsync(console, $"ct-{n * 2} web-ct");
        await WebFixture.ScreenshotAsync(console, "container-console");
        await console.CloseAsync();

        // Delete asks first; a running container is deleted with force.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guests", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("tr[data-guest='web-ct']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
