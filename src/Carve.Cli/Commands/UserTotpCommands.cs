using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;

namespace Carve.Cli.Commands;

/// <summary>carve user totp enable NAME | confirm NAME CODE | disable NAME: a user's TOTP second factor.</summary>
internal static class UserTotpCommands
{
    public static Command Create(GlobalOptions options)
    {
        var totp = new Command("totp", "A user's one-time code second factor (TOTP, as authenticator apps show).");
        totp.Subcommands.Add(Enable(options));
        totp.Subcommands.Add(Confirm(options));
        totp.Subcommands.Add(Disable(options));
        return totp;
    }

    private static Command Enable(GlobalOptions options)
    {
        var name = UserCommands.UserName("The user");
        var command = new Command("enable", "Make a new secret for the user's authenticator app; it is in force once 'confirm' gets a code from it.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var setup = await context.Client.BeginUserTotpAsync(context.Get(name), ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, setup);
                return ExitCodes.Success;
            }
            await context.Out.WriteLineAsync($"Secret: {setup.Secret}");
            await context.Out.WriteLineAsync($"URI:    {setup.Uri}");
            await context.Out.WriteLineAsync(
                $"Add it to the authenticator app (the web UI's Account page shows it as a QR code), then: carve user totp confirm {context.Get(name)} CODE");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Confirm(GlobalOptions options)
    {
        var name = UserCommands.UserName("The user");
        var code = new Argument<string>("CODE") { Description = "The 6-digit code the app shows now" };
        var command = new Command("confirm", "Put the new secret in force; from then on logging in needs a code.") { name, code };
        CliAction.Set(command, options, async (context, ct) =>
        {
            await context.Client.ConfirmUserTotpAsync(context.Get(name), context.Get(code), ct);
            if (!context.Json)
                await context.Out.WriteLineAsync($"{context.Get(name)} now logs in with a password and a one-time code.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Disable(GlobalOptions options)
    {
        var name = UserCommands.UserName("The user");
        var command = new Command("disable", "Turn the second factor off (for a lost phone): logging in needs the password alone.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            await context.Client.DisableUserTotpAsync(context.Get(name), ct);
            if (!context.Json)
                await context.Out.WriteLineAsync($"{context.Get(name)} logs in with a password alone.");
            return ExitCodes.Success;
        });
        return command;
    }
}
