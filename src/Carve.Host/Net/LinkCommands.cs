using Carve.Host.Processes;

namespace Carve.Host.Net;

/// <summary>
/// Network links through iproute2 (`ip`, `bridge`) with argv lists, never a shell. Every name passed here was made or
/// checked by Carve (<see cref="InterfaceName"/>); failures throw <see cref="LinkCommandException"/> with ip's own words.
/// </summary>
public sealed class LinkCommands(IProcessRunner runner, string sysClassNet = "/sys/class/net")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool Exists(string name) => Directory.Exists(Path.Combine(sysClassNet, InterfaceName.Check(name)));

    public bool IsBridge(string name) => Directory.Exists(Path.Combine(sysClassNet, InterfaceName.Check(name), "bridge"));

    /// <summary>
    /// A tap whose other end is open (a running QEMU): the kernel reports carrier only then. Reading carrier of a
    /// link that is down fails, which also means nobody is using it.
    /// </summary>
    public bool HasCarrier(string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(sysClassNet, InterfaceName.Check(name), "carrier")).Trim() == "1";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Exists and is a bridge (false when gone).</summary>
    public bool IsBridgeSafe(string name) => Exists(name) && IsBridge(name);

    /// <summary>The bridge a port is enslaved to, or null.</summary>
    public string? MasterOf(string name)
    {
        var link = new FileInfo(Path.Combine(sysClassNet, InterfaceName.Check(name), "master"));
        return link.Exists || link.LinkTarget is not null ? Path.GetFileName(link.LinkTarget) : null;
    }

    /// <summary>
    /// A VLAN-aware bridge where the kernel has bridge VLAN filtering (ports carry the VLANs they are given, untagged
    /// ports stay in VLAN 1); a plain bridge where it was built without it.
    /// </summary>
    public async Task CreateBridgeAsync(string name, CancellationToken ct)
    {
        if (!await TryAsync(ct, "link", "add", InterfaceName.Check(name), "type", "bridge", "vlan_filtering", "1"))
            await IpAsync(ct, "link", "add", name, "type", "bridge");
    }

    /// <summary>Turns VLAN filtering on where the kernel has it; false where it does not.</summary>
    public Task<bool> TryEnableVlanFilteringAsync(string bridge, CancellationToken ct) =>
        TryAsync(ct, "link", "set", InterfaceName.Check(bridge), "type", "bridge", "vlan_filtering", "1");

    public bool VlanFiltering(string bridge) =>
        File.Exists(Path.Combine(sysClassNet, InterfaceName.Check(bridge), "bridge", "vlan_filtering"))
        && File.ReadAllText(Path.Combine(sysClassNet, bridge, "bridge", "vlan_filtering")).Trim() == "1";

    /// <summary>A persistent tap that QEMU opens by name; carved owns it, so QEMU runs no scripts.</summary>
    public Task CreateTapAsync(string name, CancellationToken ct) =>
        IpAsync(ct, "tuntap", "add", "dev", InterfaceName.Check(name), "mode", "tap");

    public Task SetMasterAsync(string port, string bridge, CancellationToken ct) =>
        IpAsync(ct, "link", "set", InterfaceName.Check(port), "master", InterfaceName.Check(bridge));

    public Task SetUpAsync(string name, CancellationToken ct) => IpAsync(ct, "link", "set", InterfaceName.Check(name), "up");

    public async Task DeleteIfExistsAsync(string name, CancellationToken ct)
    {
        if (Exists(name))
            await IpAsync(ct, "link", "del", InterfaceName.Check(name));
    }

    /// <summary>Adds ADDRESS/PREFIX unless the interface has it already.</summary>
    public async Task EnsureAddressAsync(string name, string cidr, CancellationToken ct)
    {
        var shown = await RunAsync("ip", ["-o", "addr", "show", "dev", InterfaceName.Check(name)], ct);
        if (!shown.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Contains(cidr))
            await IpAsync(ct, "addr", "add", cidr, "dev", name);
    }

    /// <summary>Puts an access port into one VLAN only: that VLAN untagged and as PVID, the default VLAN 1 removed.</summary>
    public async Task SetAccessVlanAsync(string port, int vlan, CancellationToken ct)
    {
        var vid = Vid(vlan);
        await BridgeAsync(ct, "vlan", "add", "dev", InterfaceName.Check(port), "vid", vid, "pvid", "untagged");
        if (vlan != 1)
            await BridgeAsync(ct, "vlan", "del", "dev", port, "vid", "1");
    }

    /// <summary>An uplink carries every VLAN tagged, as Proxmox's bridge-vids 2-4094 does.</summary>
    public Task SetTrunkAsync(string port, CancellationToken ct) =>
        BridgeAsync(ct, "vlan", "add", "dev", InterfaceName.Check(port), "vid", "2-4094");

    private static string Vid(int vlan) => vlan is >= 1 and <= 4094
        ? vlan.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(vlan), vlan, "VLAN ids are 1 to 4094.");

    private Task IpAsync(CancellationToken ct, params string[] args) => RunAsync("ip", args, ct);

    /// <summary>Runs ip and says whether the kernel supported it; other failures still throw.</summary>
    private async Task<bool> TryAsync(CancellationToken ct, params string[] args)
    {
        var result = await runner.RunAsync(new ProcessSpec("ip", args) { Timeout = Timeout }, ct);
        if (result.Succeeded)
            return true;
        return result.Stderr.Contains("not supported", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new LinkCommandException($"ip {string.Join(' ', args)} failed: {result.LastErrorLine}");
    }

    private Task BridgeAsync(CancellationToken ct, params string[] args) => RunAsync("bridge", args, ct);

    private async Task<string> RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await runner.RunAsync(new ProcessSpec(program, args) { Timeout = Timeout }, ct);
        return result.Succeeded
            ? result.Stdout
            : throw new LinkCommandException($"{program} {string.Join(' ', args)} failed: {result.LastErrorLine}");
    }
}
