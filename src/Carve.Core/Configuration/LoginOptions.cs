namespace Carve.Core.Configuration;

/// <summary>
/// How failed logins are throttled, per user name and per source address: `login: {lockAfter: 10, ...}` in the config
/// file. The unix socket (root on the host) never logs in and is never throttled, so a locked-out admin can always
/// get in there.
/// </summary>
public sealed record LoginOptions
{
    /// <summary>Failures within the window after which each further failed answer is delayed.</summary>
    public int SlowAfter { get; set; } = 3;
    /// <summary>The delay grows by this much with each failure past <see cref="SlowAfter"/>, up to <see cref="MaxDelayMilliseconds"/>.</summary>
    public int DelayStepMilliseconds { get; set; } = 500;
    public int MaxDelayMilliseconds { get; set; } = 3000;
    /// <summary>Failures within the window after which every login for that user or from that address is refused (429).</summary>
    public int LockAfter { get; set; } = 10;
    public int WindowSeconds { get; set; } = 900;
    public int LockoutSeconds { get; set; } = 900;
}
