using System.Net;
using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Auth;

public sealed class LoginThrottleTests
{
    private static readonly IPAddress Home = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("198.51.100.7");
    private readonly ManualClock _clock = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(new CarveOptions
    {
        Login = new LoginOptions { SlowAfter = 3, DelayStepMilliseconds = 500, MaxDelayMilliseconds = 1200, LockAfter = 6, WindowSeconds = 600, LockoutSeconds = 900 },
    }, _clock);

    private List<TimeSpan> Fail(int times, string? user, IPAddress? from) =>
        Enumerable.Range(0, times).Select(_ => _throttle.Failed(user, from)).ToList();

    [Fact]
    public void Answers_slow_down_after_a_few_failures_and_the_delay_is_capped()
    {
        var delays = Fail(5, "alice", Home).Select(d => d.TotalMilliseconds);
        Assert.Equal([0, 0, 0, 500, 1000], delays);
        Assert.Equal(TimeSpan.FromMilliseconds(1200), _throttle.Failed("alice", Elsewhere));
    }

    [Fact]
    public void Enough_failures_lock_the_user_out_for_the_lockout_time_even_with_the_right_password()
    {
        Fail(6, "alice", Home);
        var e = Assert.Throws<TooManyAttemptsException>(() => _throttle.EnsureAllowed("alice", Elsewhere));
        Assert.Equal(429, e.Status);
        Assert.Equal(TimeSpan.FromSeconds(900), e.RetryAfter);
        Assert.Contains("for the user 'alice'", e.Message);
        Assert.Contains("15 min", e.Message);

        _clock.Now += TimeSpan.FromSeconds(899);
        Assert.Throws<TooManyAttemptsException>(() => _throttle.EnsureAllowed("alice", null));
        _clock.Now += TimeSpan.FromSeconds(2);
        _throttle.EnsureAllowed("alice", null);
    }

    [Fact]
    public void An_address_that_tries_many_users_is_locked_out_while_those_users_are_not()
    {
        for (var i = 0; i < 6; i++)
            _throttle.Failed($"user{i}", Home);
        var e = Assert.Throws<TooManyAttemptsException>(() => _throttle.EnsureAllowed("someone", Home));
        Assert.Contains("from 192.0.2.10", e.Message);
        _throttle.EnsureAllowed("user0", Elsewhere);
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        Fail(5, "alice", null);
        _clock.Now += TimeSpan.FromSeconds(601);
        Assert.Equal(TimeSpan.Zero, _throttle.Failed("alice", null));
        _throttle.EnsureAllowed("alice", null);
    }

    [Fact]
    public void A_good_login_clears_the_users_count_but_not_the_addresss()
    {
        Fail(5, "alice", Home);
        _throttle.Succeeded("alice");
        Assert.Equal(TimeSpan.FromMilliseconds(1200), _throttle.Failed("bob", Home));
        Assert.Equal(TimeSpan.Zero, _throttle.Failed("alice", Elsewhere));
    }

    [Fact]
    public void An_ipv6_attacker_counts_as_one_per_64_and_a_mapped_ipv4_address_as_itself()
    {
        for (var i = 1; i <= 6; i++)
            _throttle.Failed(null, IPAddress.Parse($"2001:db8:1:2::{i:x}"));
        Assert.Throws<TooManyAttemptsException>(() => _throttle.EnsureAllowed(null, IPAddress.Parse("2001:db8:1:2:ffff::1")));
        _throttle.EnsureAllowed(null, IPAddress.Parse("2001:db8:1:3::1"));

        Fail(6, null, Home.MapToIPv6());
        Assert.Throws<TooManyAttemptsException>(() => _throttle.EnsureAllowed(null, Home));
    }

    [Fact]
    public void Made_up_names_cannot_grow_it_without_bound()
    {
        for (var i = 0; i < LoginThrottle.MaxTracked + 500; i++)
            _throttle.Failed($"nobody{i}", null);
        Assert.True(_throttle.TrackedCount <= LoginThrottle.MaxTracked, $"{_throttle.TrackedCount} tracked");
    }
}
