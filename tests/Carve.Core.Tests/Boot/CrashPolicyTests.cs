using Carve.Core.Boot;

namespace Carve.Core.Tests.Boot;

public sealed class CrashPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Restarts_back_off_and_the_fifth_crash_in_ten_minutes_gives_up()
    {
        var policy = new CrashPolicy();

        var delays = Enumerable.Range(0, 5).Select(i => policy.OnCrash(T0.AddSeconds(i * 30))).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), null], delays);
    }

    [Fact]
    public void Crashes_older_than_ten_minutes_no_longer_count()
    {
        var policy = new CrashPolicy();
        for (var i = 0; i < 4; i++)
            policy.OnCrash(T0.AddSeconds(i));

        Assert.Equal(TimeSpan.Zero, policy.OnCrash(T0.AddMinutes(11)));
        Assert.Equal(1, policy.Count);
    }
}
