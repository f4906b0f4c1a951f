using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.SerialConsole;
using Carve.Cli.Terminal;
using Carve.Client;
using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>carve vm|ct console NAME [--log]: the guest's console, live or as logged so far.</summary>
internal static class GuestConsoleCommand
{
    public static Command Create(GlobalOptions options, GuestKind kind)
    {
        var name = CommonArguments.Guest(kind);
        var log = new Option<bool>("--log") { Description = $"Print what the {kind.Noun} wrote on its {Port(kind)} so far, and return" };
        var command = new Command("console", $"Attach to a {kind.Noun}'s {Console(kind)} (Ctrl-] detaches).") { name, log };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var guestRef = context.Get(name);
            if (context.Get(log))
            {
                await using var stdout = System.Console.OpenStandardOutput();
                await context.Client.CopyGuestConsoleLogAsync(kind, guestRef, stdout, ct);
                return ExitCodes.Success;
            }
            return await AttachAsync(context, kind, guestRef, ct);
        });
        return command;
    }

    private static string Console(GuestKind kind) => kind == GuestKind.Vm ? "serial console" : "console";

    private static string Port(GuestKind kind) => kind == GuestKind.Vm ? "serial port" : "console";

    private static async Task<int> AttachAsync(CliContext context, GuestKind kind, string guestRef, CancellationToken ct)
    {
        // Asking for the guest first turns "no such VM" into carved's own sentence rather than a bare upgrade failure.
        var name = kind == GuestKind.Vm
            ? (await context.Client.GetVmAsync(guestRef, ct)).Name
            : (await context.Client.GetCtAsync(guestRef, ct)).Name;
        using var socket = await context.Client.ConnectGuestConsoleAsync(kind, guestRef, ct);
        var interactive = RawTerminal.IsTerminal(LibC.StdinFd);
        var what = $"{name}'s {Console(kind)}";
        await context.Error.WriteLineAsync($"Connected to {what}. Press Ctrl-] to detach.");

        await using var stdin = StandardStreams.OpenInput();
        await using var stdout = System.Console.OpenStandardOutput();
        ConsoleEnd end;
        using (RawTerminal.TryEnter(LibC.StdinFd))
            end = await new SerialConsolePump(socket, stdin, stdout, interactive).RunAsync(ct);

        if (interactive)
            await context.Error.WriteLineAsync(); // the guest's last line may lack its newline
        await context.Error.WriteLineAsync(end switch
        {
            ConsoleEnd.Detached => $"Detached from {what}.",
            ConsoleEnd.SocketClosed => $"carved closed {what}.",
            _ => $"Disconnected from {what}.",
        });
        return ExitCodes.Success;
    }
}
