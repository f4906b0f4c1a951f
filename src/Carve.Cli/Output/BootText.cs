using Carve.Contracts.Guests;

namespace Carve.Cli.Output;

/// <summary>A guest's boot policy in one line for vm show and ct show, or null when nothing is set.</summary>
internal static class BootText
{
    public static string? Describe(BootPolicy boot)
    {
        var parts = new List<string>();
        if (boot.OnBoot == true)
            parts.Add("starts with the host");
        if (boot.Order is { } order)
            parts.Add($"order {order}");
        if (boot.UpSeconds is { } up)
            parts.Add($"up {up} s");
        if (boot.Ready is { } ready)
            parts.Add($"up when it prints '{ready}'");
        if (boot.DownSeconds is { } down)
            parts.Add($"down {down} s");
        if (boot.Restart == RestartPolicies.OnCrash)
            parts.Add("restarts on crash");
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
