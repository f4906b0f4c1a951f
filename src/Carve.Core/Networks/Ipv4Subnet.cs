using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Carve.Core.Errors;

namespace Carve.Core.Networks;

/// <summary>An IPv4 subnet of a NAT network. The host takes the first address; guests get the rest but the broadcast.</summary>
public sealed record Ipv4Subnet(uint Network, int Prefix)
{
    public const int MinPrefix = 8;
    public const int MaxPrefix = 29;

    public uint Mask => Prefix == 0 ? 0 : uint.MaxValue << (32 - Prefix);

    public uint Broadcast => Network | ~Mask;

    public string Gateway => Format(Network + 1);

    public string GatewayCidr => $"{Gateway}/{Prefix.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first address DHCP gives out, after the gateway.</summary>
    public uint FirstGuest => Network + 2;

    public uint LastGuest => Broadcast - 1;

    public override string ToString() => $"{Format(Network)}/{Prefix.ToString(CultureInfo.InvariantCulture)}";

    public bool Contains(uint address) => (address & Mask) == Network;

    public static Ipv4Subnet Parse(string? text)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0
            || !IPAddress.TryParse(text[..slash], out var ip) || ip.AddressFamily != AddressFamily.InterNetwork
            || text[..slash].Count(c => c == '.') != 3
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
            throw new BadRequestException($"Invalid subnet '{Validation.Names.Printable(text)}': use IPv4 CIDR like 10.77.0.0/24.");
        if (prefix is < MinPrefix or > MaxPrefix)
            throw new BadRequestException($"The subnet prefix must be between /{MinPrefix} and /{MaxPrefix}, not /{prefix}.");
        var address = ToUInt(ip);
        var subnet = new Ipv4Subnet(address, prefix);
        if ((address & subnet.Mask) != address)
            throw new BadRequestException($"{text} has host bits set; the subnet is {Format(address & subnet.Mask)}/{prefix}.");
        return subnet;
    }

    public static uint ToUInt(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    public static uint? TryParseAddress(string? text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork ? ToUInt(ip) : null;

    public static string Format(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    public bool Overlaps(Ipv4Subnet other)
    {
        var mask = Prefix < other.Prefix ? Mask : other.Mask;
        return (Network & mask) == (other.Network & mask);
    }
}
