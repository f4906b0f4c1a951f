using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>The --nic and --publish options shared by vm/ct create and set.</summary>
internal sealed class NicOptions
{
    public Option<string[]> Nic { get; } = new("--nic")
    {
        Description = "A NIC: network=NET[,model=virtio|e1000][,vlan=N][,mac=M]; repeatable; 'none' for no network",
        HelpName = "SPEC",
    };

    public Option<string[]> Publish { get; } = new("--publish")
    {
        Description = "Forward a host port to the first NIC on a NAT network: HOSTPORT:GUESTPORT[/tcp|udp]; repeatable",
        HelpName = "HOST:GUEST",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Nic);
        command.Options.Add(Publish);
    }

    /// <summary>Null when neither option was given.</summary>
    public IReadOnlyList<NicRequest>? Read(CliContext context) =>
        PublishSpecParser.Apply(NicSpecParser.ParseAll(context.Get(Nic)), context.Get(Publish));
}
