using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Carve.Core.Errors;

namespace Carve.Core.Networks;

public static partial class MacAddresses
{
    [GeneratedRegex(@"^[0-9a-f]{2}(:[0-9a-f]{2}){5}\z")]
    private static partial Regex MacPattern();

    /// <summary>A random unicast, locally administered address (the 0x02 bit set, the 0x01 bit clear).</summary>
    public static string NewLocal()
    {
        Span<byte> b = stackalloc byte[6];
        RandomNumberGenerator.Fill(b);
        b[0] = (byte)((b[0] & 0xFC) | 0x02);
        return string.Join(':', b.ToArray().Select(x => x.ToString("x2")));
    }

    /// <summary>A new local address not among <paramref name="taken"/>; clones and new NICs call this.</summary>
    public static string NewUnique(IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var mac = NewLocal();
            if (!used.Contains(mac))
                return mac;
        }
    }

    public static string Validate(string mac)
    {
        var normalized = mac.Trim().ToLowerInvariant();
        if (!MacPattern().IsMatch(normalized))
            throw new BadRequestException($"Invalid MAC address '{Validation.Names.Printable(mac)}': use six hex pairs like 02:00:00:aa:bb:cc.");
        if ((Convert.ToByte(normalized[..2], 16) & 1) != 0)
            throw new BadRequestException($"The MAC address {normalized} is a multicast address; a NIC needs a unicast one.");
        return normalized;
    }
}
