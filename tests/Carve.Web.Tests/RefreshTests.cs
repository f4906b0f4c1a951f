using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>
/// The pages refresh themselves every few seconds (web/src/poll.ts): a refresh must not take keyboard focus away,
/// a failing one is shown until it recovers, and a hidden tab asks nothing.
/// </summary>
public sealed class RefreshTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>Short: focus that a refresh took away never comes back, so waiting longer proves nothing.</summary>
    private static readonly LocatorAssertionsToBeFocusedOptions StillFocused = new() { Timeout = 1000 };

    [Fact]
    public async Task Focus_stays_on_toolbar_buttons_links_and_task_rows_across_refreshes()
    {
        (await web.Daemon.CarveAsync("ct", "create", "focus", "--template", "busybox", "--memory", "64")).EnsureSuccess();
        var page = await web.LoggedInPageAsync();
        await page.GotoAsync("/#/guests/ct/focus");
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Actions", Exact = true });
        var start = toolbar.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });
        await Assertions.Expect(start).ToBeEnabledAsync();
        await start.FocusAsync();
        await RefreshesAsync(page, "/api/v1/cts/focus", 2);
        await Assertions.Expect(start).ToBeFocusedAsync(StillFocused);

        // A refresh that changes the toolbar: the container starts behind the page's back.
        var delete = toolbar.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });
        await delete.FocusAsync();
        (await web.Daemon.CarveAsync("ct", "start", "focus")).EnsureSuccess();
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(start).ToBeDisabledAsync();
        await Assertions.Expect(delete).ToBeFocusedAsync(StillFocused);
        // The keyboard goes on from there: Shift+Tab reaches the button before it.
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true })).ToBeFocusedAsync(StillFocused);

        // A row of the task panel (the start's task) and a link of the guest list keep focus too.
        var task = page.GetByRole(AriaRole.Region, new() { Name = "Tasks", Exact = true }).GetByRole(AriaRole.Button).First;
        await task.FocusAsync();
        await RefreshesAsync(page, "/api/v1/tasks", 2);
        await Assertions.Expect(task).ToBeFocusedAsync(StillFocused);
        await page.GotoAsync("/#/guests");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "focus", Exact = true });
        await link.FocusAsync();
        await RefreshesAsync(page, "/api/v1/guests", 2);
        await Assertions.Expect(link).ToBeFocusedAsync(StillFocused);

        (await web.Daemon.CarveAsync("ct", "stop", "focus")).EnsureSuccess();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_failing_refresh_is_shown_until_it_recovers()
    {
        var page = await web.LoggedInPageAsync();
        await page.GotoAsync("/#/guests");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guests", Exact = true })).ToBeVisibleAsync();
        await page.RouteAsync("**/api/v1/guests", route => route.FulfillAsync(new()
        {
            Status = 503, ContentType = "application/problem+json",
            Body = """{"title":"Service Unavailable","status":503,"detail":"Injected by the test."}""",
        }));
        var status = page.Locator("main").GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("Could not refresh the guests: Injected by the test.", new() { Timeout = 15_000 });
        await Assertions.Expect(status).ToBeVisibleAsync();

        await page.UnrouteAsync("**/api/v1/guests");
        await Assertions.Expect(status).ToBeEmptyAsync(new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_hidden_tab_asks_nothing_and_refreshes_at_once_when_shown()
    {
        var page = await web.LoggedInPageAsync();
        await page.GotoAsync("/#/guests");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guests", Exact = true })).ToBeVisibleAsync();
        await SetVisibilityAsync(page, "hidden");
        var asked = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/v1/", StringComparison.Ordinal))
                asked.Add(request.Url);
        };
        // More than two refresh periods of the guest list and the task panel.
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.True(asked.Count == 0, "a hidden tab asked: " + string.Join(", ", asked));

        // At once: well within the 3 s a refresh period would take.
        await page.RunAndWaitForRequestAsync(() => SetVisibilityAsync(page, "visible"),
            r => new Uri(r.Url).AbsolutePath == "/api/v1/guests", new() { Timeout = 2000 });
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for the page to fetch <paramref name="path"/> <paramref name="count"/> more times.</summary>
    private static async Task RefreshesAsync(IPage page, string path, int count)
    {
        for (var i = 0; i < count; i++)
            await page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == path);
    }

    /// <summary>What a browser does when its tab is switched away from or back to (headless Chromium never hides one).</summary>
    private static Task SetVisibilityAsync(IPage page, string state) => page.EvaluateAsync("""
        state => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            document.dispatchEvent(new Event('visibilitychange'));
        }
        """, state);
}
