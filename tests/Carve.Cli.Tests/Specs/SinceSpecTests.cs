using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class SinceSpecTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("45s", 0, 0, 45)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("12h", 12, 0, 0)]
    [InlineData("1d", 24, 0, 0)]
    [InlineData("2w", 336, 0, 0)]
    public void A_duration_counts_back_from_now(string text, int hours, int minutes, int seconds) =>
        Assert.Equal(Now - new TimeSpan(hours, minutes, seconds), SinceSpec.Parse(text, Now));

    [Theory]
    [InlineData("2026-01-31T08:00:00Z", "2026-01-31T08:00:00+00:00")]
    [InlineData("2026-01-31T08:00:00+02:00", "2026-01-31T06:00:00+00:00")]
    public void An_iso_time_is_taken_as_it_is(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SinceSpec.Parse(text, Now));

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("1y")]
    [InlineData("-1d")]
    [InlineData("yesterday")]
    [InlineData("1/2/2026")]
    [InlineData("99999999d")]
    public void Anything_else_is_a_usage_error(string text) =>
        Assert.Contains("--since", Assert.Throws<UsageException>(() => SinceSpec.Parse(text, Now)).Message);
}
