using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;

namespace Carve.Cli.Commands;

/// <summary>carve vm show NAME.</summary>
internal static class VmShowCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = CommonArguments.Guest();
        var command = new Command("show", "A VM's configuration, disks, NICs and what its QEMU process is doing.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var vm = await context.Client.GetVmAsync(context.Get(name), ct);
            if (context.Json)
                JsonOutput.Write(context.Out, vm);
            else
                VmShowRenderer.Render(context.Out, vm);
            return ExitCodes.Success;
        });
        return command;
    }
}
