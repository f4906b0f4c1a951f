using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>The guest page's Clone and template card with a busybox container: a clone from a snapshot, then a template and a linked clone of it.</summary>
public sealed class CloneTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_clone_made_in_the_ui_has_the_snapshots_files_and_a_template_gets_linked_clones()
    {
        (await web.Daemon.CarveAsync("ct", "create", "clonesrc", "--template", "busybox", "--memory", "64", "--start")).EnsureSuccess();
        await ExecAsync("clonesrc", "echo at-snapshot > /root/marker");
        (await web.Daemon.CarveAsync("snapshot", "create", "clonesrc", "first")).EnsureSuccess();
        await ExecAsync("clonesrc", "echo after-snapshot > /root/marker");
        (await web.Daemon.CarveAsync("ct", "stop", "clonesrc")).EnsureSuccess();

        var page = await web.LoggedInPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/#/guests/ct/clonesrc");
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Clone and template", Exact = true });
        // Linked clones need a template; this container is not one yet.
        await Assertions.Expect(card.GetByLabel("Linked clone")).ToBeDisabledAsync();
        await card.GetByLabel("Clone name").FillAsync("clonecopy");
        await card.GetByLabel("Clone from").SelectOptionAsync("first");
        await card.GetByRole(AriaRole.Button, new() { Name = "Clone", Exact = true }).ClickAsync();
        // A finished clone opens its own page.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Container clonecopy" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        (await web.Daemon.CarveAsync("ct", "start", "clonecopy")).EnsureSuccess();
        Assert.Equal("at-snapshot\n", await ExecAsync("clonecopy", "cat /root/marker"));
        (await web.Daemon.CarveAsync("ct", "stop", "clonecopy")).EnsureSuccess();

        await page.GotoAsync("/#/guests/ct/clonesrc");
        await card.GetByRole(AriaRole.Button, new() { Name = "Convert to template", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Container clonesrc" })).ToContainTextAsync("template", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Convert to template", Exact = true })).ToBeDisabledAsync();
        var refused = await web.Daemon.CarveAsync("ct", "start", "clonesrc");
        Assert.NotEqual(0, refused.ExitCode);

        await card.GetByLabel("Linked clone").CheckAsync();
        await Assertions.Expect(card.GetByLabel("Clone from")).ToBeDisabledAsync();
        await card.GetByLabel("Clone name").FillAsync("linkedcopy");
        await WebFixture.ScreenshotAsync(page, "clone", fullPage: true);
        await card.GetByRole(AriaRole.Button, new() { Name = "Clone", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Container linkedcopy" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        (await web.Daemon.CarveAsync("ct", "start", "linkedcopy")).EnsureSuccess();
        // The template's current files, not the snapshot's.
        Assert.Equal("after-snapshot\n", await ExecAsync("linkedcopy", "cat /root/marker"));
        (await web.Daemon.CarveAsync("ct", "stop", "linkedcopy")).EnsureSuccess();
        await page.Context.CloseAsync();
    }

    private async Task<string> ExecAsync(string guest, string script) =>
        (await web.Daemon.CarveAsync("ct", "exec", guest, "--", "sh", "-c", script)).EnsureSuccess().Stdout;
}
