using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Terminal;
using Carve.Contracts.Auth;

namespace Carve.Cli.Commands;

/// <summary>carve user add NAME --role R | passwd NAME | delete NAME | list | grant NAME ROLE | totp enable|confirm|disable NAME.</summary>
internal static class UserCommands
{
    public static Command Create(GlobalOptions options)
    {
        var user = new Command("user", "Password users of the web UI and the API.");
        user.Subcommands.Add(Add(options));
        user.Subcommands.Add(Passwd(options));
        user.Subcommands.Add(Delete(options));
        user.Subcommands.Add(List(options));
        user.Subcommands.Add(Grant(options));
        user.Subcommands.Add(UserTotpCommands.Create(options));
        return user;
    }

    internal static Argument<string> UserName(string description) => new("NAME") { Description = description };

    private static Option<bool> PasswordStdin() =>
        new("--password-stdin") { Description = "Read the password from stdin (one final newline is dropped) instead of asking" };

    private static Command Add(GlobalOptions options)
    {
        var name = UserName("The new user's name");
        var role = new Option<string>("--role") { Description = "What the user may do", HelpName = "admin|operator|viewer", DefaultValueFactory = _ => Roles.Viewer };
        Choices.Restrict(role, Roles.Admin, Roles.Operator, Roles.Viewer);
        var stdin = PasswordStdin();
        var command = new Command("add", "Add a user; asks for the password twice.") { name, role, stdin };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var password = await PasswordInput.ReadNewAsync(context.Get(stdin), context.Error, ct);
            var added = await context.Client.AddUserAsync(
                new CreateUserRequest { Name = context.Get(name), Role = context.Get(role)!, Password = password }, ct);
            return await Done(context, added, $"User {added.Name} added with role {added.Role}.");
        });
        return command;
    }

    private static Command Passwd(GlobalOptions options)
    {
        var name = UserName("The user whose password changes");
        var stdin = PasswordStdin();
        var command = new Command("passwd", "Set a user's password; its sessions end.") { name, stdin };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var password = await PasswordInput.ReadNewAsync(context.Get(stdin), context.Error, ct);
            await context.Client.SetUserPasswordAsync(context.Get(name), password, ct);
            if (!context.Json)
                await context.Out.WriteLineAsync($"Password of {context.Get(name)} changed; its sessions ended.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options)
    {
        var name = UserName("The user to delete");
        var command = new Command("delete", "Delete a user; its sessions end at once. The last admin cannot be deleted.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            await context.Client.DeleteUserAsync(context.Get(name), ct);
            if (!context.Json)
                await context.Out.WriteLineAsync($"User {context.Get(name)} deleted.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "All users (never their passwords).");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var users = await context.Client.ListUsersAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, users);
                return ExitCodes.Success;
            }
            var table = new TextTable("NAME", "ROLE", "GUESTS", "TOTP", "CREATED");
            foreach (var user in users)
                table.Add(user.Name, user.Role, GuestGrantOption.Text(user.Guests), user.Totp ? "on" : "off", Units.Time(user.CreatedAt));
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Grant(GlobalOptions options)
    {
        var name = UserName("The user");
        var role = new Argument<string>("ROLE") { Description = "admin, operator or viewer" };
        role.CompletionSources.Add(Roles.Admin, Roles.Operator, Roles.Viewer);
        var guests = GuestGrantOption.Create("user");
        var command = new Command("grant", "Set a user's role and the guests it may use; its sessions end. The last admin cannot be demoted.") { name, role, guests };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var changed = await context.Client.GrantUserAsync(context.Get(name), context.Get(role), GuestGrantOption.Names(context.Get(guests)), ct);
            var scope = changed.Guests is { } names ? "guests " + string.Join(", ", names) : "every guest";
            return await Done(context, changed, $"User {changed.Name} is now {changed.Role} of {scope}; its sessions ended.");
        });
        return command;
    }

    private static async Task<int> Done(CliContext context, UserView user, string sentence)
    {
        if (context.Json)
            JsonOutput.Write(context.Out, user);
        else
            await context.Out.WriteLineAsync(sentence);
        return ExitCodes.Success;
    }
}
