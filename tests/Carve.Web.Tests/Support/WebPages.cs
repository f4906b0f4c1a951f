using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Carve.Web.Tests.Support;

/// <summary>What a user does in the UI, step by step, as the tests need it.</summary>
public static class WebPages
{
    public static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Opens a guest's console link, which opens a new tab, and waits for the console to connect.</summary>
    public static async Task<IPage> OpenConsoleTabAsync(WebFixture web, IPage guestPage, string linkText)
    {
        var browserLog = new List<string>();
        guestPage.Context.Console += (_, m) => browserLog.Add(m.Text);
        var tab = await guestPage.RunAndWaitForPopupAsync(() =>
            guestPage.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
        var state = tab.GetByTestId("console-state");
        await Assertions.Expect(state).ToHaveTextAsync(new Regex("^(connected|disconnected)$"), new() { Timeout = (float)BootTimeout.TotalMilliseconds });
        if (await state.TextContentAsync() != "connected")
            Assert.Fail($"The console did not connect: {await tab.Locator(".banner").TextContentAsync()}\nBrowser:\n"
                + string.Join('\n', browserLog) + "\nDaemon log (end):\n" + web.Daemon.Log[^Math.Min(4000, web.Daemon.Log.Length)..]);
        return tab;
    }

    /// <summary>Waits until the terminal shows <paramref name="text"/>.</summary>
    public static Task ExpectTerminalAsync(IPage tab, string text) =>
        Assertions.Expect(tab.Locator(".xterm-rows")).ToContainTextAsync(text, new() { Timeout = (float)BootTimeout.TotalMilliseconds });

    /// <summary>Types a line into the terminal as a user would, with the keyboard.</summary>
    public static async Task TypeLineAsync(IPage tab, string line)
    {
        await tab.Locator(".xterm").ClickAsync();
        await tab.Keyboard.TypeAsync(line);
        await tab.Keyboard.PressAsync("Enter");
    }

    /// <summary>Goes to the guest page once the create task has finished (the wizard navigates there itself).</summary>
    public static async Task ExpectGuestPageAsync(IPage page, string heading) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync(
            new() { Timeout = (float)BootTimeout.TotalMilliseconds });

    /// <summary>GET on the REST API with the page's session cookie, as the UI itself calls it.</summary>
    public static async Task<JsonElement> ApiAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync("/api/v1" + path);
        Assert.True(response.Ok, $"GET {path}: {response.Status}");
        using var doc = JsonDocument.Parse(await response.TextAsync());
        return doc.RootElement.Clone();
    }
}
