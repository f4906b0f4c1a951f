using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Core.Drivers;

/// <summary>
/// What the core needs to know about one kind of guest, as pure rules over its stored config: no I/O. Each kind's
/// driver registers one, keyed by its kind; nothing else in the core or the API tells kinds apart.
/// </summary>
public interface IGuestDefinition
{
    /// <summary>The NIC models a guest of this kind can have; the first is the default.</summary>
    IReadOnlyList<string> NicModels { get; }

    /// <summary>Whether a NIC may use QEMU's user-mode NAT (network "user") instead of a Carve network.</summary>
    bool HasUserModeNat { get; }

    /// <summary>The host-side interface of NIC <paramref name="index"/> (a tap or a veth), named from the guest id.</summary>
    string HostInterface(int guestId, int index);

    /// <summary>The console WebSockets a guest of this kind has (serial, vnc, console, exec).</summary>
    IReadOnlyList<string> ConsoleChannels { get; }

    /// <summary>True when a running guest takes new CPU and memory limits at once, so growing them is admitted like a start.</summary>
    bool LimitsApplyLive { get; }

    /// <summary>The host PCI addresses the guest's config asks to have passed through.</summary>
    IReadOnlyList<string> PciDevices(GuestConfig config);

    /// <summary>
    /// The config of a copy that will have id <paramref name="cloneId"/>: its own volume names and identity, and the
    /// <paramref name="nics"/> the core planned for it (new MACs and addresses).
    /// </summary>
    GuestConfig CloneConfig(GuestConfig source, int cloneId, string cloneName, IReadOnlyList<GuestNic> nics);
}
