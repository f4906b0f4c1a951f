using System.Text.Json;
using Carve.Contracts.Consoles;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// A kind of guest for Core's unit tests, with the rules the real VM and container definitions have: Core must
/// behave by what a definition says, never by which kind it is. PCI devices are read from a "hostPci" list of
/// {"address": ...} objects in the kind-specific part, the shape VMs store.
/// </summary>
internal sealed class FakeDefinition : IGuestDefinition
{
    public static FakeDefinition Vm() => new()
    {
        NicModels = ["virtio", "e1000"], HasUserModeNat = true, Prefix = "tap",
        ConsoleChannels = [Contracts.Consoles.ConsoleChannels.Serial, Contracts.Consoles.ConsoleChannels.Vnc],
    };

    public static FakeDefinition Ct() => new()
    {
        NicModels = ["veth"], Prefix = "veth", LimitsApplyLive = true,
        ConsoleChannels = [Contracts.Consoles.ConsoleChannels.Console, Contracts.Consoles.ConsoleChannels.Exec],
    };

    public IReadOnlyList<string> NicModels { get; init; } = ["virtio"];
    public bool HasUserModeNat { get; init; }
    public string Prefix { get; init; } = "tap";
    public IReadOnlyList<string> ConsoleChannels { get; init; } = [];
    public bool LimitsApplyLive { get; init; }

    public string HostInterface(int guestId, int index) => $"{Prefix}{guestId}i{index}";

    public IReadOnlyList<string> PciDevices(GuestConfig config) =>
        config.Specific?.TryGetValue("hostPci", out var devices) == true
            ? devices.EnumerateArray().Select(p => p.GetProperty("address").GetString()!).ToList()
            : [];

    /// <summary>The source's config with the planned NICs and a "copyOf" marker, so tests can tell the clone's own.</summary>
    public GuestConfig CloneConfig(GuestConfig source, int cloneId, string cloneName, IReadOnlyList<GuestNic> nics)
    {
        var specific = new Dictionary<string, JsonElement>(source.Specific ?? []) { ["volume"] = JsonSerializer.SerializeToElement($"clone-{cloneId}") };
        return source with { Nics = nics, Specific = specific };
    }
}
