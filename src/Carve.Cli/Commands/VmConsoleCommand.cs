using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.SerialConsole;
using Carve.Cli.Terminal;
using Microsoft.Win32.SafeHandles;

namespace Carve.Cli.Commands;

/// <summary>carve vm console NAME [--log]: the guest's serial port, live or as logged so far.</summary>
internal static class VmConsoleCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = CommonArguments.Guest();
        var log = new Option<bool>("--log") { Description = "Print what the guest wrote on its serial port so far, and return" };
        var command = new Command("console", "Attach to a VM's serial console (Ctrl-] detaches).") { name, log };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vmRef = context.Get(name);
            if (context.Get(log))
            {
                await using var stdout = Console.OpenStandardOutput();
                await context.Client.CopyConsoleLogAsync(vmRef, stdout, ct);
                return ExitCodes.Success;
            }
            return await AttachAsync(context, vmRef, ct);
        });
        return command;
    }

    private static async Task<int> AttachAsync(CliContext context, string vmRef, CancellationToken ct)
    {
        // Asking for the VM first turns "no such VM" into carved's own sentence rather than a bare upgrade failure.
        var vm = await context.Client.GetVmAsync(vmRef, ct);
        using var socket = await context.Client.ConnectConsoleAsync(vmRef, ct);
        var interactive = RawTerminal.IsTerminal(LibC.StdinFd);
        context.Error.WriteLine($"Connected to {vm.Name}'s serial console. Press Ctrl-] to detach.");

        // fd 0 itself: Console's stdin stream does line editing and echo when stdin is a terminal.
        await using var stdin = new FileStream(new SafeFileHandle(LibC.StdinFd, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        await using var stdout = Console.OpenStandardOutput();
        ConsoleEnd end;
        using (RawTerminal.TryEnter(LibC.StdinFd))
            end = await new SerialConsolePump(socket, stdin, stdout, interactive).RunAsync(ct);

        if (interactive)
            context.Error.WriteLine(); // the guest's last line may lack its newline
        context.Error.WriteLine(end switch
        {
            ConsoleEnd.Detached => $"Detached from {vm.Name}'s serial console.",
            ConsoleEnd.SocketClosed => $"carved closed {vm.Name}'s serial console.",
            _ => $"Disconnected from {vm.Name}'s serial console.",
        });
        return ExitCodes.Success;
    }
}
