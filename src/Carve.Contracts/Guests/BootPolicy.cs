namespace Carve.Contracts.Guests;

/// <summary>
/// How a guest comes up with the host and goes down with it, and what happens when it dies on its own. In a change
/// request only the given fields change; in a guest's view the unset ones are null.
/// </summary>
public sealed record BootPolicy
{
    /// <summary>Started when the host boots.</summary>
    public bool? OnBoot { get; init; }
    /// <summary>Lower starts first and stops last; guests without an order start after those with one.</summary>
    public int? Order { get; init; }
    /// <summary>
    /// Seconds to wait after this guest started before the next one starts; with <see cref="Ready"/>, the most to wait
    /// for the guest to print it.
    /// </summary>
    public int? UpSeconds { get; init; }
    /// <summary>
    /// Text the guest prints on its console once it is up (a login prompt, a service's banner): at the host's boot the
    /// next guest starts as soon as it appears. In a change, "" clears it.
    /// </summary>
    public string? Ready { get; init; }
    /// <summary>Seconds a clean shutdown gets when the host goes down, before the guest is stopped hard.</summary>
    public int? DownSeconds { get; init; }
    /// <summary>"no" or "on-crash": started again, with backoff, when it dies without Carve stopping it.</summary>
    public string? Restart { get; init; }
}

/// <summary>The values of <see cref="BootPolicy.Restart"/>.</summary>
public static class RestartPolicies
{
    public const string No = "no";
    public const string OnCrash = "on-crash";
}
