using System.Globalization;
using Carve.Cli.Infrastructure;
using Carve.Contracts.Guests;

namespace Carve.Cli.Specs;

/// <summary>
/// --startup order=N[,up=S][,down=S][,ready=TEXT], as Proxmox's startup setting plus the text that says the guest is up
/// (ready=none clears it); carved checks the bounds.
/// </summary>
internal static class StartupSpecParser
{
    public const string NoReadyText = "none";

    public static BootPolicy Parse(string spec)
    {
        var values = KeyValueSpec.Parse("--startup", spec, "order", "up", "down", "ready");
        return new BootPolicy
        {
            Order = Number(spec, values, "order"),
            UpSeconds = Number(spec, values, "up"),
            DownSeconds = Number(spec, values, "down"),
            Ready = values.TryGetValue("ready", out var ready) ? (ready == NoReadyText ? "" : ready) : null,
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
