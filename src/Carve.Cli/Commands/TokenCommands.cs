using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Auth;

namespace Carve.Cli.Commands;

/// <summary>carve token create NAME --role R [--guest NAME,...] | token list | token delete NAME.</summary>
internal static class TokenCommands
{
    public static Command Create(GlobalOptions options)
    {
        var token = new Command("token", "API tokens for --url access.");
        token.Subcommands.Add(CreateToken(options));
        token.Subcommands.Add(List(options));
        token.Subcommands.Add(Delete(options));
        return token;
    }

    private static Command CreateToken(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "A name for the token" };
        var role = new Option<string>("--role") { Description = "What the token may do", HelpName = "admin|operator|viewer", Required = true };
        Choices.Restrict(role, Roles.Admin, Roles.Operator, Roles.Viewer);
        var guests = GuestGrantOption.Create("token");
        var command = new Command("create", "Create a token; its secret is printed once.") { name, role, guests };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var request = new CreateTokenRequest { Name = context.Get(name), Role = context.Get(role)!, Guests = GuestGrantOption.Names(context.Get(guests)) };
            var created = await context.Client.CreateTokenAsync(request, ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, created);
                return ExitCodes.Success;
            }
            // The secret alone on stdout, so that TOKEN=$(carve token create ...) works; the rest to stderr.
            var scope = created.Guests is { } names ? " for guests " + string.Join(", ", names) : "";
            await context.Error.WriteLineAsync($"Created token {created.Name} with role {created.Role}{scope}.");
            await context.Error.WriteLineAsync("warning: the secret below is shown only now; carved keeps just its hash.");
            await context.Out.WriteLineAsync(created.Secret);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "All tokens (never their secrets).");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var tokens = await context.Client.ListTokensAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, tokens);
                return ExitCodes.Success;
            }
            var table = new TextTable("NAME", "ROLE", "GUESTS", "CREATED");
            foreach (var token in tokens)
                table.Add(token.Name, token.Role, GuestGrantOption.Text(token.Guests), Units.Time(token.CreatedAt));
            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "The token to delete" };
        var command = new Command("delete", "Delete a token; it stops working at once.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var tokenName = context.Get(name);
            await context.Client.DeleteTokenAsync(tokenName, ct);
            if (!context.Json)
                await context.Out.WriteLineAsync($"Token {tokenName} deleted.");
            return ExitCodes.Success;
        });
        return command;
    }
}
