namespace Carve.Host.Net;

/// <summary>The few kernel switches a NAT network needs, under a configurable /proc/sys for tests.</summary>
public sealed class Sysctl(string root = "/proc/sys")
{
    /// <summary>Routing between interfaces of this network namespace; NAT networks need it, as under Incus and libvirt.</summary>
    public void EnableIpv4Forwarding()
    {
        var path = Path.Combine(root, "net", "ipv4", "ip_forward");
        if (File.ReadAllText(path).Trim() != "1")
            File.WriteAllText(path, "1\n");
    }
}
