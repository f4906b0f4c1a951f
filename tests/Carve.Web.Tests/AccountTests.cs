using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;
using OtpNet;

namespace Carve.Web.Tests;

/// <summary>
/// A user's own Account page in a real browser: setting up an authenticator app from its QR code, logging in with
/// the app's code after that, turning it off, and changing the password.
/// </summary>
public sealed class AccountTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Password = "carol's first password";

    private static string CodeAt(string secret, int stepsFromNow) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsFromNow));

    private static async Task LogInAsync(IPage page, string password)
    {
        await page.GotoAsync("/#/login");
        await page.GetByLabel("User name").FillAsync("carol");
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_viewer_sets_up_an_authenticator_app_from_the_qr_code_then_logs_in_with_its_code()
    {
        (await web.Daemon.CarveWithInputAsync(Password + "\n", "user", "add", "carol", "--role", "viewer", "--password-stdin")).EnsureSuccess();
        var page = await web.NewPageAsync();
        await LogInAsync(page, Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "carol (viewer)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#totp-state")).ToContainTextAsync("password alone");

        var setUp = page.GetByRole(AriaRole.Form, new() { Name = "Set up an authenticator app" });
        await setUp.GetByLabel("Your password").FillAsync(Password);
        await setUp.GetByRole(AriaRole.Button).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code of the new secret for an authenticator app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<int>("c => c.width") >= 200);
        var secret = (await page.Locator("[data-totp-secret]").TextContentAsync())!;
        Assert.Equal(20, Base32Encoding.ToBytes(secret).Length);
        await WebFixture.ScreenshotAsync(page, "account-totp", fullPage: true);

        var confirm = page.GetByRole(AriaRole.Form, new() { Name = "Confirm the authenticator app" });
        var wrong = CodeAt(secret, 0) == "000000" ? "111111" : "000000";
        await confirm.GetByLabel("Code from the app").FillAsync(wrong);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "does not match" })).ToBeVisibleAsync();
        await confirm.GetByLabel("Code from the app").FillAsync(CodeAt(secret, 0));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#totp-state")).ToContainTextAsync("the code your authenticator app shows");

        // Logging in again: the password alone brings up the code field; the app's next code opens the session.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await LogInAsync(page, Password);
        var code = page.GetByLabel("One-time code");
        await Assertions.Expect(code).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("one-time code");
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/v1/auth/whoami")).Status);
        await code.FillAsync(CodeAt(secret, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "carol (viewer)" })).ToBeVisibleAsync();

        // Turning it off needs the password; then the password alone logs in.
        await page.GetByRole(AriaRole.Link, new() { Name = "carol (viewer)" }).ClickAsync();
        var off = page.GetByRole(AriaRole.Form, new() { Name = "Turn off one-time codes" });
        await off.GetByLabel("Your password").FillAsync(Password);
        await off.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#totp-state")).ToContainTextAsync("password alone");

        // A new password ends every session, this one too: the login page comes back, and the new password opens it.
        var change = page.GetByRole(AriaRole.Form, new() { Name = "Change your password" });
        await change.GetByLabel("Current password").FillAsync(Password);
        await change.GetByLabel("New password", new() { Exact = true }).FillAsync("carol's second password");
        await change.GetByLabel("New password again").FillAsync("carol's second password");
        await change.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true })).ToBeVisibleAsync();
        await LogInAsync(page, "carol's second password");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "carol (viewer)" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
