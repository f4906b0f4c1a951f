using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>A busybox container's Snapshots panel: take, roll back and delete, each checked through the API and the container's files.</summary>
public sealed class SnapshotTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_snapshot_taken_in_the_ui_rolls_a_containers_files_back_and_is_deleted()
    {
        (await web.Daemon.CarveAsync("ct", "create", "snapbox", "--template", "busybox", "--memory", "64", "--start")).EnsureSuccess();
        await ExecAsync("echo before > /root/marker");
        var page = await web.LoggedInPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/#/guests/ct/snapbox");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Snapshots", Exact = true });
        await Assertions.Expect(panel.GetByText("No snapshots yet.")).ToBeVisibleAsync();
        // RAM snapshots are for running VMs only.
        await Assertions.Expect(panel.GetByLabel("Include RAM")).ToBeDisabledAsync();

        await panel.GetByLabel("Snapshot name").FillAsync("first");
        await panel.GetByLabel("Snapshot description").FillAsync("before the change");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Take snapshot", Exact = true }).ClickAsync();
        var row = panel.Locator("tr[data-snapshot='first']");
        await Assertions.Expect(row).ToContainTextAsync("before the change", new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToContainTextAsync("current");
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("succeeded");
        var snaps = (await WebPages.ApiAsync(page, "/guests/snapbox/snapshots")).EnumerateArray().ToList();
        var snap = Assert.Single(snaps);
        Assert.Equal("first", snap.GetProperty("name").GetString());
        Assert.Equal("before the change", snap.GetProperty("description").GetString());
        Assert.False(snap.GetProperty("memory").GetBoolean());
        Assert.True(snap.GetProperty("current").GetBoolean());

        await ExecAsync("echo after > /root/marker");
        Assert.Equal("after\n", await ExecAsync("cat /root/marker"));
        await row.GetByRole(AriaRole.Button, new() { Name = "Rollback first", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rollback first: done.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("task-status")).ToHaveTextAsync("succeeded");
        // A rollback stops a running container first; started again, it has the snapshot's files.
        (await web.Daemon.CarveAsync("ct", "start", "snapbox")).EnsureSuccess();
        Assert.Equal("before\n", await ExecAsync("cat /root/marker"));

        await WebFixture.ScreenshotAsync(page, "snapshots", fullPage: true);
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete first", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.GetByText("No snapshots yet.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Empty((await WebPages.ApiAsync(page, "/guests/snapbox/snapshots")).EnumerateArray());

        // The panel fits a phone: the table scrolls inside its card, the page does not get wider.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the guest page is {overflow} px wider than a phone's screen");
        await page.Context.CloseAsync();
    }

    private async Task<string> ExecAsync(string script) =>
        (await web.Daemon.CarveAsync("ct", "exec", "snapbox", "--", "sh", "-c", script)).EnsureSuccess().Stdout;
}
