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
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_no_session_cookie_is_set()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "carve_session");
        // The API still refuses this browser.
        var whoami = await page.APIRequest.GetAsync("/api/v1/auth/whoami");
        Assert.Equal(401, whoami.Status);
        await page.Context.CloseAsync();
    }
}
