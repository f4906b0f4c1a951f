using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>
/// The Users and Audit pages: an admin adds a user, who logs in in another browser; the admin sets its password
/// (ending its session) and deletes it; the audit log shows all of it. A user made and limited to some guests with the real CLI shows up too.
/// </summary>
public sealed class UserAuditTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Password = "alice's first password";

    [Fact]
    public async Task An_admin_adds_a_user_sets_its_password_deletes_it_and_reads_it_all_in_the_audit_log()
    {
        (await web.Daemon.CarveWithInputAsync("a viewer's password\n", "user", "add", "bob", "--role", "viewer", "--password-stdin")).EnsureSuccess();
        var admin = await web.LoggedInPageAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='bob']")).ToContainTextAsync("viewer");
        await Assertions.Expect(admin.Locator("tr[data-user='bob']")).ToContainTextAsync("all");
        (await web.Daemon.CarveAsync("user", "grant", "bob", "viewer", "--guest", "web,db")).EnsureSuccess();
        await admin.ReloadAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='bob']")).ToContainTextAsync("db, web");

        // The same from the page: bob becomes an operator of the guest granted alone.
        (await web.Daemon.CreateDirectBootVmAsync("granted")).EnsureSuccess();
        await admin.ReloadAsync();
        var grant = admin.GetByRole(AriaRole.Form, new() { Name = "Set a role and guests" });
        await grant.GetByLabel("User", new() { Exact = true }).SelectOptionAsync("bob");
        await grant.GetByLabel("Role").SelectOptionAsync("operator");
        await grant.GetByLabel("Only some guests").CheckAsync();
        await grant.GetByLabel("Guests", new() { Exact = true }).SelectOptionAsync(["granted"]);
        await grant.GetByRole(AriaRole.Button, new() { Name = "Set role and guests" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "bob is now operator of granted" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='bob']")).ToContainTextAsync("operator");
        await Assertions.Expect(admin.Locator("tr[data-user='bob'] td").Nth(1)).ToHaveTextAsync("granted");

        var add = admin.GetByRole(AriaRole.Form, new() { Name = "Add a user" });
        await add.GetByLabel("User name").FillAsync("alice");
        await add.GetByLabel("Role").SelectOptionAsync("operator");
        await add.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await add.GetByLabel("Password again").FillAsync(Password);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='alice']")).ToContainTextAsync("operator");
        // The API's refusal is shown as it is: the name is taken.
        await add.GetByLabel("User name").FillAsync("alice");
        await add.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await add.GetByLabel("Password again").FillAsync(Password);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "already exists" })).ToBeVisibleAsync();

        // Alice logs in elsewhere: an operator sees neither Users nor Audit.
        var alice = await web.NewPageAsync();
        await alice.GotoAsync("/");
        await alice.GetByLabel("User name").FillAsync("alice");
        await alice.GetByLabel("Password").FillAsync(Password);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Assertions.Expect(alice.GetByText("alice (operator)")).ToBeVisibleAsync();
        await Assertions.Expect(alice.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);

        // A new password ends her session.
        var change = admin.GetByRole(AriaRole.Form, new() { Name = "Set a password" });
        await change.GetByLabel("User", new() { Exact = true }).SelectOptionAsync("alice");
        await change.GetByLabel("New password", new() { Exact = true }).FillAsync("alice's second password");
        await change.GetByLabel("New password again").FillAsync("alice's second password");
        await change.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Password of alice set" })).ToBeVisibleAsync();
        Assert.Equal(401, (await alice.APIRequest.GetAsync("/api/v1/auth/whoami")).Status);

        await admin.Locator("tr[data-user='alice']").GetByRole(AriaRole.Button, new() { Name = "Delete alice" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='alice']")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("tr[data-user='admin']").GetByRole(AriaRole.Button, new() { Name = "Delete admin" })).ToBeDisabledAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        var table = admin.Locator("table.audit");
        await Assertions.Expect(table).ToContainTextAsync("DELETE /api/v1/users/alice");
        await Assertions.Expect(table).ToContainTextAsync("PUT /api/v1/users/alice/password");
        await Assertions.Expect(table).ToContainTextAsync("root@local");
        var filter = admin.GetByRole(AriaRole.Form, new() { Name = "Filter the audit log" });
        await filter.GetByLabel("Caller").FillAsync("alice");
        await filter.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(table).ToContainTextAsync("POST /api/v1/auth/login");
        await Assertions.Expect(table.GetByTestId("status")).ToHaveTextAsync("200");
        await WebFixture.ScreenshotAsync(admin, "audit", fullPage: true);
        await alice.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
