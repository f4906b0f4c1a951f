using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

public sealed class LoginTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_right_password_opens_the_dashboard_with_the_host_and_its_acceleration()
    {
        var page = await web.LoggedInPageAsync();
        await Assertions.Expect(page.GetByTestId("accel")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("KVM|TCG"));
        foreach (var meter in new[] { "CPU load", "Memory", "local (dir)" })
            await Assertions.Expect(page.GetByRole(AriaRole.Meter, new() { Name = meter, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out", Exact = true })).ToBeVisibleAsync();
        // Keyboard: the first Tab reaches "Skip to content", which moves focus to the page's content.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_no_session_cookie_is_set()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "carve_session");
        // The API still refuses this browser.
        var whoami = await page.APIRequest.GetAsync("/api/v1/auth/whoami");
        Assert.Equal(401, whoami.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_token_gives_a_read_only_ui_with_every_action_disabled()
    {
        var secret = (await web.Daemon.CarveAsync("token", "create", "watcher", "--role", "viewer")).EnsureSuccess().Stdout.Trim();
        (await web.Daemon.CreateDirectBootVmAsync("watched")).EnsureSuccess();
        // A device the VM has is changeable for an admin even where the host cannot give it; a viewer cannot change it.
        var device = Json.Parse(await web.Daemon.CarveAsync("host", "pci", "-o", "json"))[0].GetProperty("address").GetString()!;
        (await web.Daemon.CarveAsync("vm", "set", "watched", "--hostpci", device)).EnsureSuccess();
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByText("Log in with an API token instead").ClickAsync();
        await page.GetByLabel("API token").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in with token", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("token:watcher (viewer)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Guests", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "watched", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VM watched" })).ToBeVisibleAsync();
        foreach (var action in new[] { "Start", "Shut down", "Reboot", "Stop", "Delete", "Save", "Take snapshot", "Clone", "Convert to template" })
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToBeDisabledAsync();
        foreach (var input in new[] { "Snapshot name", "Snapshot description", "Include RAM", "Clone name", "Linked clone" })
            await Assertions.Expect(page.GetByLabel(input, new() { Exact = true })).ToBeDisabledAsync();
        var picked = page.GetByRole(AriaRole.Group, new() { Name = "Host PCI devices", Exact = true }).GetByRole(AriaRole.Checkbox, new() { Name = device });
        await Assertions.Expect(picked).ToBeCheckedAsync();
        await Assertions.Expect(picked).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Serial console (opens a new tab)" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Serial console (viewers cannot open consoles)")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Networks", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Networks", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create network", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByLabel("Network name")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone_screen()
    {
        var page = await web.LoggedInPageAsync(width: 390, height: 844);
        await Assertions.Expect(page.GetByTestId("guest-counts")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a phone's screen");
        await page.Context.CloseAsync();
    }
}
