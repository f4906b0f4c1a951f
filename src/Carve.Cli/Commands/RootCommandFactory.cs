using System.CommandLine;
using Carve.Cli.Infrastructure;

namespace Carve.Cli.Commands;

/// <summary>The whole command tree, in the DESIGN vocabulary. Building it is all `carve` does before parsing.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var options = new GlobalOptions();
        var root = new RootCommand("carve: manage the VMs and containers of a carved host.");
        options.AddTo(root);
        root.Subcommands.Add(HostCommands.Create(options));
        root.Subcommands.Add(ListCommand.Create(options));
        root.Subcommands.Add(VmCommands.Create(options));
        root.Subcommands.Add(CtCommands.Create(options));
        root.Subcommands.Add(TemplateCommands.Create(options));
        root.Subcommands.Add(NetworkCommands.Create(options));
        root.Subcommands.Add(TaskCommands.Create(options));
        root.Subcommands.Add(TokenCommands.Create(options));
        root.Subcommands.Add(UserCommands.Create(options));
        root.Subcommands.Add(AuditCommand.Create(options));
        root.Subcommands.Add(SnapshotCommands.Create(options));
        root.Subcommands.Add(CloneCommands.Clone(options));
        return root;
    }
}
