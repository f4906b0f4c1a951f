using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;
using static Carve.SystemTests.Harness.NetworkChecks;

namespace Carve.Web.Tests;

/// <summary>
/// The Networks page and the wizard's network choice, with carved in a network namespace of its own: a NAT
/// network made in the page, a busybox container put on it by the wizard, its lease and its route out, then the delete.
/// </summary>
public sealed class NetworkTests(NetworkWebFixture web) : IClassFixture<NetworkWebFixture>
{
    [Fact]
    public async Task A_nat_network_made_in_the_ui_serves_a_container_from_the_wizard_and_is_deleted_when_unused()
    {
        var page = await web.LoggedInPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Networks" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No networks yet.")).ToBeVisibleAsync();

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Create a network" });
        await form.GetByLabel("Network name").FillAsync("lab");
        await form.GetByLabel("Subnet").FillAsync("10.77.0.0/24");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create network", Exact = true }).ClickAsync();
        var row = page.Locator("tr[data-network='lab']");
        await Assertions.Expect(row).ToContainTextAsync("10.77.0.0/24 via 10.77.0.1", new() { Timeout = 60_000 });
        (await web.Namespace!.ExecAsync("ip", "link", "show", "lab")).EnsureSuccess();

        // A bad subnet is refused with the API's own sentence, and nothing is made.
        await form.GetByLabel("Network name").FillAsync("bad");
        await form.GetByLabel("Subnet").FillAsync("10.77.0.0/33");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create network", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Create bad failed" })).ToBeVisibleAsync();
        Assert.Single((await NetworksAsync()).EnumerateArray());

        // The wizard offers the network; the container gets a NIC on it, a lease from its dnsmasq and a route out.
        await page.GotoAsync("/#/create");
        await page.GetByLabel("Container (shares the host kernel, LXC)").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("web");
        await page.GetByLabel("Template").SelectOptionAsync("busybox");
        await page.GetByLabel("Memory (MiB)").FillAsync("64");
        await page.GetByLabel("Network", new() { Exact = true }).SelectOptionAsync("lab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await WebPages.ExpectGuestPageAsync(page, "Container web");
        var (ip, mac) = FirstNic(await web.Daemon.ShowCtAsync("web"));
        Assert.StartsWith("10.77.0.", ip, StringComparison.Ordinal);
        // The guest page shows the NIC with its network, MAC and reserved address.
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync($"net0 lab veth {mac} {ip}");
        await WaitForLeaseAsync(web.Daemon, "lab", mac, ip!);
        await AssertPingsAsync(web.Daemon, "web", "10.77.0.1");

        await page.GotoAsync("/#/networks");
        await Assertions.Expect(row.GetByTestId("users")).ToContainTextAsync("ct web (100)");
        await Assertions.Expect(row.GetByTestId("leases")).ToContainTextAsync(ip!);
        await Assertions.Expect(row.GetByTestId("leases")).ToContainTextAsync(mac);
        // In use: the page does not offer the delete, and the API would refuse it.
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete lab", Exact = true })).ToBeDisabledAsync();
        await WebFixture.ScreenshotAsync(page, "networks", fullPage: true);
        // The page fits a phone: the table scrolls inside its card.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the networks page is {overflow} px wider than a phone's screen");
        await page.SetViewportSizeAsync(1280, 800);

        (await web.Daemon.CarveAsync("ct", "delete", "web", "--force")).EnsureSuccess();
        await Assertions.Expect(row.GetByTestId("users")).ToHaveTextAsync("none", new() { Timeout = 30_000 });
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete lab", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No networks yet.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Empty((await NetworksAsync()).EnumerateArray());
        Assert.NotEqual(0, (await web.Namespace.ExecAsync("ip", "link", "show", "lab")).ExitCode);
        await page.Context.CloseAsync();
    }

    /// <summary>Through the CLI, which reaches carved's unix socket from outside the namespace.</summary>
    private async Task<System.Text.Json.JsonElement> NetworksAsync() => Json.Parse(await web.Daemon.CarveAsync("network", "list", "-o", "json"));
}
