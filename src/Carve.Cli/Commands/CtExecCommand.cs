using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Terminal;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>
/// carve ct exec NAME [--env NAME=VALUE]... -- CMD [ARGS]...: runs a command in a running container with stdin,
/// stdout and stderr streamed as raw bytes, and exits with the command's exit code.
/// </summary>
internal static class CtExecCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = CommonArguments.Guest(GuestKind.Ct);
        var env = new Option<string[]>("--env", "-e") { Description = "Set a variable for the command; repeatable", HelpName = "NAME=VALUE" };
        // After "--" every token is an argument, so the command's own options (sh -c, ls -l) are not parsed as carve's.
        var commandLine = new Argument<string[]>("COMMAND") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        var command = new Command("exec", "Run a command in a running container; its exit code is carve's.") { name, env, commandLine };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var start = new ExecStart { Command = context.Get(commandLine), Environment = EnvSpecParser.ParseAll(context.Get(env)) };
            // A terminal's stdin is streamed as it is (line by line; Ctrl-D ends it), like a pipe's.
            await using var stdin = StandardStreams.OpenInput();
            await using var stdout = Console.OpenStandardOutput();
            await using var stderr = Console.OpenStandardError();
            return await context.Client.ExecAsync(context.Get(name), start, stdin, stdout, stderr, ct);
        });
        return command;
    }
}
