using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Cli.Tasks;
using Carve.Contracts.Networks;

namespace Carve.Cli.Commands;

/// <summary>carve network create NAME --type nat --subnet CIDR | --type bridge --uplink IFACE | network list | network delete NAME.</summary>
internal static class NetworkCommands
{
    public static Command Create(GlobalOptions options)
    {
        var network = new Command("network", "Networks for guest NICs: NAT with DHCP, or a bridge on the LAN.");
        network.Subcommands.Add(CreateNetwork(options));
        network.Subcommands.Add(List(options));
        network.Subcommands.Add(Delete(options));
        return network;
    }

    private static Command CreateNetwork(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "Name of the network: up to 15 lowercase letters, digits and '-'" };
        var type = new Option<string>("--type") { Description = "nat: isolated, DHCP and masquerade; bridge: on the LAN", HelpName = "nat|bridge", Required = true };
        Choices.Restrict(type, "nat", "bridge");
        var subnet = new Option<string>("--subnet") { Description = "nat: the IPv4 subnet, e.g. 10.77.0.0/24", HelpName = "CIDR" };
        var uplink = new Option<string>("--uplink") { Description = "bridge: the host interface on the LAN, e.g. eth0", HelpName = "IFACE" };
        var bridge = new Option<string>("--bridge") { Description = "bridge: the Linux bridge to create or adopt (default: NAME), e.g. vmbr0", HelpName = "IFACE" };
        var command = new Command("create", "Create a network.") { name, type, subnet, uplink, bridge };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var request = new CreateNetworkRequest
            {
                Name = context.Get(name), Type = context.Get(type)!, Subnet = context.Get(subnet),
                Uplink = context.Get(uplink), Bridge = context.Get(bridge),
            };
            if (request.Type == "nat" && request.Subnet is null)
                throw new UsageException("--type nat needs --subnet, e.g. --subnet 10.77.0.0/24.");
            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.CreateNetworkAsync(request, token), $"Creating network {request.Name}", $"Network {request.Name} created.", ct);
            return outcome.ExitCode;
        });
        return command;
    }

    private static Command List(GlobalOptions options)
    {
        var command = new Command("list", "Networks, the guests on them and their DHCP leases.");
        CliAction.Set(command, options, async (context, ct) =>
        {
            var networks = await context.Client.ListNetworksAsync(ct);
            if (context.Json)
            {
                JsonOutput.Write(context.Out, networks);
                return ExitCodes.Success;
            }
            var table = new TextTable("NAME", "TYPE", "BRIDGE", "SUBNET", "GATEWAY", "UPLINK", "GUESTS");
            foreach (var n in networks)
                table.Add(n.Name, n.Type, n.Bridge + (n.Adopted ? " (adopted)" : ""), n.Subnet, n.Gateway, n.Uplink, string.Join(", ", n.Users));
            table.Write(context.Out, "", "No networks yet: carve network create NAME --type nat --subnet 10.77.0.0/24");
            var leases = new TextTable("NETWORK", "MAC", "IP", "HOSTNAME", "EXPIRES");
            foreach (var n in networks)
                foreach (var lease in n.Leases)
                    leases.Add(n.Name, lease.Mac, lease.Ip, lease.Hostname, lease.ExpiresAt is { } e ? Units.Time(e) : "never");
            if (networks.Any(n => n.Leases.Count > 0))
            {
                await context.Out.WriteLineAsync();
                await context.Out.WriteLineAsync("Leases:");
                leases.Write(context.Out, "  ");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "The network to delete; no guest may use it" };
        var command = new Command("delete", "Delete a network and the bridge Carve made for it.") { name };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var network = context.Get(name);
            var outcome = await TaskRunner.SubmitAsync(
                context, (client, token) => client.DeleteNetworkAsync(network, token), $"Deleting network {network}", $"Network {network} deleted.", ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
