using Carve.Contracts.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Lxc.Guests;

/// <summary>What the core needs to know about containers: veth NICs, a tty console and exec, live cgroup limits.</summary>
public sealed class LxcDefinition : IGuestDefinition
{
    public const string VethModel = "veth";

    public IReadOnlyList<string> NicModels { get; } = [VethModel];

    public bool HasUserModeNat => false;

    public string HostInterface(int guestId, int index) => NicNames.Veth(guestId, index);

    public IReadOnlyList<string> ConsoleChannels { get; } = [Contracts.Consoles.ConsoleChannels.Console, Contracts.Consoles.ConsoleChannels.Exec];

    public bool LimitsApplyLive => true;

    public IReadOnlyList<string> PciDevices(GuestConfig config) => [];

    public GuestConfig CloneConfig(GuestConfig source, int cloneId, string cloneName, IReadOnlyList<GuestNic> nics) =>
        (source with { Nics = nics }).WithSpec(CtSpec.Of(source) with { RootfsVolume = RootfsVolume(cloneId), Hostname = cloneName });

    /// <summary>The container's root file system volume, named from its id.</summary>
    public static string RootfsVolume(int guestId) => $"ct-{guestId}-rootfs";
}
