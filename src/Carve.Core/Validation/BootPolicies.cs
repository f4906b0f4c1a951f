using Carve.Contracts.Guests;
using Carve.Core.Errors;

namespace Carve.Core.Validation;

/// <summary>The bounds of a guest's boot policy, checked at the edge, and how a change merges into the stored one.</summary>
public static class BootPolicies
{
    public const int MaxOrder = 1_000_000;
    /// <summary>A day: longer waits are mistakes, not policies.</summary>
    public const int MaxSeconds = 86_400;
    public const int MaxReadyLength = 100;
    /// <summary>How long a boot waits for a ready text when the guest has no up delay to bound it.</summary>
    public const int DefaultReadyWaitSeconds = 300;

    public static void Check(BootPolicy? change)
    {
        if (change is null)
            return;
        if (change.Order is < 0 or > MaxOrder)
            throw new BadRequestException($"The start order must be between 0 and {MaxOrder}, not {change.Order}.");
        Seconds("up", change.UpSeconds);
        Seconds("down", change.DownSeconds);
        if (change.Restart is not (null or RestartPolicies.No or RestartPolicies.OnCrash))
            throw new BadRequestException(
                $"The restart policy must be '{RestartPolicies.No}' or '{RestartPolicies.OnCrash}', not '{Names.Printable(change.Restart)}'.");
        if (change.Ready is { } ready)
        {
            Names.RejectControlCharacters("ready text", ready);
            if (ready.Length > MaxReadyLength)
                throw new BadRequestException($"The ready text must be at most {MaxReadyLength} characters, not {ready.Length}.");
        }
        if (change == new BootPolicy())
            throw new BadRequestException("The boot policy names nothing to change: give onBoot, order, upSeconds, downSeconds, ready or restart.");
    }

    /// <summary>The stored policy with the change's given fields.</summary>
    public static BootPolicy Merge(BootPolicy? stored, BootPolicy change) => new()
    {
        OnBoot = change.OnBoot ?? stored?.OnBoot,
        Order = change.Order ?? stored?.Order,
        UpSeconds = change.UpSeconds ?? stored?.UpSeconds,
        DownSeconds = change.DownSeconds ?? stored?.DownSeconds,
        Restart = change.Restart ?? stored?.Restart,
        Ready = change.Ready is { } ready ? (ready.Length == 0 ? null : ready) : stored?.Ready,
    };

    public static bool RestartsOnCrash(BootPolicy? policy) => policy?.Restart == RestartPolicies.OnCrash;

    private static void Seconds(string which, int? seconds)
    {
        if (seconds is < 0 or > MaxSeconds)
            throw new BadRequestException($"The {which} delay must be between 0 and {MaxSeconds} seconds, not {seconds}.");
    }
}
