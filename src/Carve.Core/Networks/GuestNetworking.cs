using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Vms;
using Carve.Host.Net;

namespace Carve.Core.Networks;

/// <summary>What guest drivers need from networks: bridges for NICs, taps for VMs, and the networks brought up to date.</summary>
public sealed class GuestNetworking(NetworkStore store, NetworkService networks, LinkCommands links)
{
    /// <summary>The NICs on Carve networks with their bridges; a NIC whose network is gone is an error.</summary>
    public IReadOnlyList<NicAttachment> Attachments(IReadOnlyList<VmNic> nics) =>
        nics.Select((nic, i) => (nic, i)).Where(x => x.nic.OnCarveNetwork).Select(x =>
        {
            var network = store.Find(x.nic.Network)
                ?? throw new OperationFailedException($"NIC {x.nic.Name} is on network '{x.nic.Network}', which no longer exists; change it with `set --nic`.");
            return new NicAttachment(x.i, x.nic, network.Bridge);
        }).ToList();

    /// <summary>True when the bridge tags VLANs in the kernel; else VLANs are isolation groups kept by nftables.</summary>
    public bool KernelVlans(string bridge) => links.Exists(bridge) && links.VlanFiltering(bridge);

    /// <summary>Before a guest starts: its networks exist and serve its reservations and published ports.</summary>
    public async Task<IReadOnlyList<NicAttachment>> PrepareAsync(IReadOnlyList<VmNic> nics, CancellationToken ct)
    {
        var attachments = Attachments(nics);
        await networks.RefreshAsync(attachments.Select(a => a.Nic.Network), ct);
        return attachments;
    }

    /// <summary>Makes the VM's tap afresh and plugs it into the bridge, in its VLAN when it has one.</summary>
    public async Task PlugTapAsync(string tap, NicAttachment attachment, CancellationToken ct)
    {
        // A tap with carrier is held open by a running process: not this stopped VM's leftover, so it is not Carve's to remove.
        if (links.Exists(tap) && links.HasCarrier(tap))
            throw new ConflictException($"The tap {tap} exists and is in use by another process (another carved on this host?); Carve leaves it alone.");
        await links.DeleteIfExistsAsync(tap, ct);
        await links.CreateTapAsync(tap, ct);
        await links.SetMasterAsync(tap, attachment.Bridge, ct);
        // Without kernel VLAN filtering the network's bridge firewall keeps VLANs apart instead (see the bridge driver).
        if (attachment.Nic.Vlan is { } vlan && links.VlanFiltering(attachment.Bridge))
            await links.SetAccessVlanAsync(tap, vlan, ct);
        await links.SetUpAsync(tap, ct);
    }

    /// <summary>Removes a VM's taps (named from its id) once QEMU is gone.</summary>
    public async Task RemoveTapsAsync(GuestRecord guest, IReadOnlyList<VmNic> nics, CancellationToken ct)
    {
        for (var i = 0; i < nics.Count; i++)
            await links.DeleteIfExistsAsync(NicNames.Tap(guest.Id, i), ct);
    }

    /// <summary>After a guest is deleted or its NICs changed: reservations and published ports follow.</summary>
    public Task ReleaseAsync(IEnumerable<VmNic> nics, CancellationToken ct) =>
        networks.RefreshAsync(nics.Where(n => n.OnCarveNetwork).Select(n => n.Network), ct);
}
