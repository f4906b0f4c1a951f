using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Core.Networks;

/// <summary>What guest drivers need from networks: bridges for NICs, taps for VMs, and the networks brought up to date.</summary>
public sealed class GuestNetworking(NetworkStore store, NetworkService networks, IBridgePorts ports)
{
    /// <summary>The NICs on Carve networks with their bridges; a NIC whose network is gone is an error.</summary>
    public IReadOnlyList<NicAttachment> Attachments(IReadOnlyList<GuestNic> nics) =>
        nics.Select((nic, i) => (nic, i)).Where(x => x.nic.OnCarveNetwork).Select(x =>
        {
            var network = store.Find(x.nic.Network)
                ?? throw new OperationFailedException($"NIC {x.nic.Name} is on network '{x.nic.Network}', which no longer exists; change it with `set --nic`.");
            return new NicAttachment(x.i, x.nic, network.Bridge);
        }).ToList();

    /// <summary>True when the bridge tags VLANs in the kernel; else VLANs are isolation groups kept by nftables.</summary>
    public bool KernelVlans(string bridge) => ports.KernelVlans(bridge);

    /// <summary>Before a guest starts: its networks exist and serve its reservations and published ports.</summary>
    public async Task<IReadOnlyList<NicAttachment>> PrepareAsync(IReadOnlyList<GuestNic> nics, CancellationToken ct)
    {
        var attachments = Attachments(nics);
        await networks.RefreshAsync(attachments.Select(a => a.Nic.Network), ct);
        return attachments;
    }

    /// <summary>Makes the VM's tap afresh and plugs it into the bridge, in its VLAN when it has one.</summary>
    public Task PlugTapAsync(string tap, NicAttachment attachment, CancellationToken ct) =>
        ports.PlugTapAsync(tap, attachment.Bridge, attachment.Nic.Vlan, ct);

    /// <summary>Removes a VM's taps (named from its id) once QEMU is gone.</summary>
    public async Task RemoveTapsAsync(GuestRecord guest, IReadOnlyList<GuestNic> nics, CancellationToken ct)
    {
        for (var i = 0; i < nics.Count; i++)
            await ports.RemoveAsync(NicNames.Tap(guest.Id, i), ct);
    }

    /// <summary>After a guest is deleted or its NICs changed: reservations and published ports follow.</summary>
    public Task ReleaseAsync(IEnumerable<GuestNic> nics, CancellationToken ct) =>
        networks.RefreshAsync(nics.Where(n => n.OnCarveNetwork).Select(n => n.Network), ct);
}
