using System.Text.RegularExpressions;
using Carve.Contracts.Networks;
using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Host.Net;

namespace Carve.Core.Networks;

/// <summary>Checks a network request at the edge; the result is the record to store.</summary>
public static partial class NetworkRequestValidator
{
    // A NAT network's bridge is named after it, so a name is also a valid interface name.
    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,14}\z")]
    private static partial Regex NamePattern();

    private static readonly string[] Reserved = [GuestNic.UserNetwork, "none", "lo"];

    public static string Name(string? name) =>
        name is not null && NamePattern().IsMatch(name) && !Reserved.Contains(name)
            ? name
            : throw new BadRequestException(
                $"Invalid network name '{Names.Printable(name)}': use 1 to 15 lowercase letters, digits and dashes, starting with a letter (not user, none or lo).");

    public static NetworkRecord Validate(CreateNetworkRequest request, IReadOnlyList<NetworkRecord> existing)
    {
        var name = Name(request.Name);
        switch (request.Type)
        {
            case "nat":
                if (request.Uplink is not null || request.Bridge is not null)
                    throw new BadRequestException("A NAT network makes its own bridge, named after it: --uplink and --bridge are for --type bridge.");
                var subnet = Ipv4Subnet.Parse(request.Subnet ?? throw new BadRequestException("A NAT network needs --subnet, e.g. 10.77.0.0/24."));
                if (existing.FirstOrDefault(n => n.ParsedSubnet is { } other && other.Overlaps(subnet)) is { } clash)
                    throw new ConflictException($"The subnet {subnet} overlaps network {clash.Name} ({clash.Subnet}).");
                return new NetworkRecord { Name = name, Type = "nat", Bridge = name, Subnet = subnet.ToString(), CreatedAt = DateTimeOffset.UtcNow };
            case "bridge":
                if (request.Subnet is not null)
                    throw new BadRequestException("A bridge network takes its addresses from the LAN: --subnet is for --type nat.");
                var bridge = Interface("bridge", request.Bridge ?? name);
                var uplink = request.Uplink is null ? null : Interface("uplink", request.Uplink);
                if (uplink == bridge)
                    throw new BadRequestException("The uplink cannot be the bridge itself.");
                if (uplink is not null && existing.FirstOrDefault(n => n.Uplink == uplink || n.Bridge == uplink) is { } user)
                    throw new ConflictException($"The interface {uplink} is already used by network {user.Name}.");
                return new NetworkRecord { Name = name, Type = "bridge", Bridge = bridge, Uplink = uplink, CreatedAt = DateTimeOffset.UtcNow };
            default:
                throw new BadRequestException($"Unknown network type '{Names.Printable(request.Type)}': use nat or bridge.");
        }
    }

    private static string Interface(string what, string name) =>
        InterfaceName.IsValid(name)
            ? name
            : throw new BadRequestException($"Invalid {what} interface '{Names.Printable(name)}': 1 to 15 letters, digits, '.', '_' or '-'.");
}
