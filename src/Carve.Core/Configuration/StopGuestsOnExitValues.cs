namespace Carve.Core.Configuration;

/// <summary>The values of <see cref="CarveOptions.StopGuestsOnExit"/>.</summary>
public static class StopGuestsOnExitValues
{
    public const string HostShutdown = "host-shutdown";
    public const string Always = "always";
    public const string Never = "never";

    public static IReadOnlyList<string> All { get; } = [HostShutdown, Always, Never];
}
