using System.Text.RegularExpressions;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>--nic network=NET[,model=virtio|e1000][,vlan=N][,mac=M], or --nic none for a guest without network.</summary>
internal static partial class NicSpecParser
{
    public const string None = "none";

    private static readonly string[] Models = ["virtio", "e1000"];

    [GeneratedRegex("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$")]
    private static partial Regex MacPattern();

    /// <summary>Null when no --nic was given (carved adds its default NIC); empty for --nic none.</summary>
    public static IReadOnlyList<NicRequest>? ParseAll(IReadOnlyList<string>? specs)
    {
        if (specs is null || specs.Count == 0)
            return null;
        if (specs.Contains(None))
            return specs.Count == 1 ? [] : throw new UsageException("--nic none cannot be combined with other --nic options.");
        return [.. specs.Select(Parse)];
    }

    public static NicRequest Parse(string spec)
    {
        var values = KeyValueSpec.Parse("--nic", spec, "network", "model", "vlan", "mac");
        if (!values.TryGetValue("network", out var network))
            throw new UsageException($"Invalid --nic '{spec}': network=NET is required (e.g. network=user).");
        var nic = new NicRequest { Network = network };
        if (values.TryGetValue("model", out var model))
        {
            if (!Models.Contains(model))
                throw new UsageException($"Invalid --nic '{spec}': model '{model}' is not one of {string.Join(", ", Models)}.");
            nic = nic with { Model = model };
        }
        if (values.TryGetValue("vlan", out var vlanText))
        {
            if (!int.TryParse(vlanText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vlan) || vlan is < 1 or > 4094)
                throw new UsageException($"Invalid --nic '{spec}': vlan '{vlanText}' is not a VLAN id from 1 to 4094.");
            nic = nic with { Vlan = vlan };
        }
        if (values.TryGetValue("mac", out var mac))
        {
            if (!MacPattern().IsMatch(mac))
                throw new UsageException($"Invalid --nic '{spec}': mac '{mac}' is not six hex pairs like 02:00:00:aa:bb:cc.");
            nic = nic with { Mac = mac.ToLowerInvariant() };
        }
        return nic;
    }
}
