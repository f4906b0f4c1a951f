namespace Carve.Core.Networks;

/// <summary>NICs in one line for task logs.</summary>
public static class NicText
{
    public static string Describe(IReadOnlyList<GuestNic> nics) =>
        nics.Count == 0 ? "none" : string.Join("; ", nics.Select(Describe));

    public static string Describe(GuestNic nic) =>
        $"{nic.Name} on {nic.Network} ({nic.Mac}" + (nic.Vlan is { } v ? $", VLAN {v}" : "") + (nic.Ip is { } ip ? $", {ip}" : "")
        + (nic.Publish.Count > 0 ? ", publishes " + string.Join(" ", nic.Publish) : "") + ")";
}
