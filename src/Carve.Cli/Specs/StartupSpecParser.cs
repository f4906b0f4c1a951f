using System.Globalization;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Guests;

namespace Carve.Cli.Specs;

/// <summary>--startup order=N[,up=S][,down=S], as Proxmox's startup setting; carved checks the bounds.</summary>
internal static class StartupSpecParser
{
    public static BootPolicy Parse(string spec)
    {
        var values = KeyValueSpec.Parse("--startup", spec, "order", "up", "down");
        return new BootPolicy
        {
            Order = Number(spec, values, "order"),
            UpSeconds = Number(spec, values, "up"),
            DownSeconds = Number(spec, values, "down"),
        };
    }

    private static int? Number(string spec, Dictionary<string, string> values, string key)
    {
        if (!values.TryGetValue(key, out var text))
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new UsageException($"Invalid --startup '{spec}': {key} must be a whole number of {(key == "order" ? "0 or more" : "seconds")}, not '{text}'.");
    }
}
