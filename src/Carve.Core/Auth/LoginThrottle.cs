using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Carve.Core.Configuration;
using Carve.Core.Errors;

namespace Carve.Core.Auth;

/// <summary>
/// Slows down, then locks out, repeated failed logins, counted both per user name and per source address (an IPv6
/// address by its /64, which one attacker usually holds whole). Kept in memory: a restart forgets it, as fail2ban's
/// does. The number of tracked names and addresses is bounded, so a flood of made-up ones cannot grow it.
/// </summary>
public sealed class LoginThrottle(CarveOptions options, TimeProvider time)
{
    public const int MaxTracked = 10_000;
    private const int MaxKeyLength = 256;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Attempts> _attempts = new(StringComparer.Ordinal);

    private LoginOptions Settings => options.Login;

    /// <summary>Throws 429 while the user or the address is locked out, before any password is checked.</summary>
    public void EnsureAllowed(string? user, IPAddress? from)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var key in Keys(user, from))
            {
                if (_attempts.TryGetValue(key, out var a) && a.LockedUntil is { } until && until > now)
                    throw new TooManyAttemptsException(
                        $"Too many failed logins {Describe(key)}; try again in {Minutes(until - now)}.", until - now);
            }
        }
    }

    /// <summary>Counts a failed login; returns how long its answer should be held back.</summary>
    public TimeSpan Failed(string? user, IPAddress? from)
    {
        var now = time.GetUtcNow();
        var worst = 0;
        lock (_gate)
        {
            foreach (var key in Keys(user, from))
            {
                if (!_attempts.TryGetValue(key, out var a))
                {
                    MakeRoom(now);
                    _attempts[key] = a = new Attempts();
                }
                a.Forget(now - TimeSpan.FromSeconds(Settings.WindowSeconds));
                a.Failures.Enqueue(now);
                if (a.Failures.Count >= Settings.LockAfter)
                    a.LockedUntil = now + TimeSpan.FromSeconds(Settings.LockoutSeconds);
                worst = Math.Max(worst, a.Failures.Count);
            }
        }
        var over = worst - Settings.SlowAfter;
        return over <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min((long)over * Settings.DelayStepMilliseconds, Settings.MaxDelayMilliseconds));
    }

    /// <summary>A good login clears its user's count; the address's stays, so one valid account does not reset a guesser.</summary>
    public void Succeeded(string user)
    {
        lock (_gate)
            _attempts.Remove(UserKey(user));
    }

    public int TrackedCount
    {
        get
        {
            lock (_gate)
                return _attempts.Count;
        }
    }

    private static IEnumerable<string> Keys(string? user, IPAddress? from)
    {
        if (user is not null)
            yield return UserKey(user);
        if (from is not null)
            yield return AddressKey(from);
    }

    private static string UserKey(string user) => "user " + (user.Length > MaxKeyLength ? user[..MaxKeyLength] : user);

    private static string AddressKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return "address " + address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "address " + new IPAddress(bytes) + "/64";
    }

    private static string Describe(string key) => key.StartsWith("user ", StringComparison.Ordinal)
        ? $"for the user '{key["user ".Length..]}'"
        : $"from {key["address ".Length..]}";

    private static string Minutes(TimeSpan wait) => wait.TotalSeconds < 90
        ? $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s"
        : $"{Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min";

    /// <summary>Drops what no longer counts; if still full, the entry whose last failure is oldest.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (_attempts.Count < MaxTracked)
            return;
        var since = now - TimeSpan.FromSeconds(Settings.WindowSeconds);
        foreach (var (key, a) in _attempts.ToList())
        {
            a.Forget(since);
            if (a.Failures.Count == 0 && (a.LockedUntil is null || a.LockedUntil <= now))
                _attempts.Remove(key);
        }
        if (_attempts.Count >= MaxTracked)
            _attempts.Remove(_attempts.MinBy(e => e.Value.Failures.LastOrDefault()).Key);
    }

    private sealed class Attempts
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset? LockedUntil { get; set; }

        public void Forget(DateTimeOffset before)
        {
            while (Failures.TryPeek(out var oldest) && oldest < before)
                Failures.Dequeue();
        }
    }
}
