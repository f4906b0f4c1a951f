namespace Carve.Lxc.Config;

/// <summary>A veth NIC: the host end (HostName) plugged into Bridge, the guest end named eth{Index}.</summary>
public sealed record LxcNic(int Index, string Bridge, string HostName, string Mac, int? Vlan);
