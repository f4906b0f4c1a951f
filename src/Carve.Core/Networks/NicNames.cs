using System.Globalization;

namespace Carve.Core.Networks;

/// <summary>
/// Host-side names of guest NICs, from the guest id and NIC index as in Proxmox (tap100i0, veth100i0): stable across
/// restarts, unique per host, and within Linux's 15-byte limit for any id below 10^8.
/// </summary>
public static class NicNames
{
    public static string Tap(int guestId, int index) => Name("tap", guestId, index);

    public static string Veth(int guestId, int index) => Name("veth", guestId, index);

    /// <summary>The NIC index from its config name (net0 -> 0).</summary>
    public static int Index(string nicName) => int.Parse(nicName.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Name(string prefix, int guestId, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{guestId}i{index}");
}
