using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Core.Tests.Boot;

public sealed class BootPoliciesTests
{
    [Theory]
    [InlineData(-1, null, null, null, "start order must be between 0 and 1000000, not -1")]
    [InlineData(null, 86401, null, null, "up delay must be between 0 and 86400 seconds, not 86401")]
    [InlineData(null, null, -5, null, "down delay must be between 0 and 86400 seconds, not -5")]
    [InlineData(null, null, null, "always", "restart policy must be 'no' or 'on-crash', not 'always'")]
    [InlineData(null, null, null, null, "names nothing to change")]
    public void Out_of_bounds_values_are_clear_400s(int? order, int? up, int? down, string? restart, string expected)
    {
        var e = Assert.Throws<BadRequestException>(() =>
            BootPolicies.Check(new BootPolicy { Order = order, UpSeconds = up, DownSeconds = down, Restart = restart }));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_keeps_what_it_does_not_name()
    {
        var stored = new BootPolicy { OnBoot = true, Order = 1, UpSeconds = 30, Restart = RestartPolicies.OnCrash };

        var merged = BootPolicies.Merge(stored, new BootPolicy { Order = 4, DownSeconds = 90 });

        Assert.Equal(new BootPolicy { OnBoot = true, Order = 4, UpSeconds = 30, DownSeconds = 90, Restart = RestartPolicies.OnCrash }, merged);
    }

    [Theory]
    [InlineData("login:\n", "ready text must not contain control characters")]
    [InlineData("x", null)]
    public void A_ready_text_is_one_line(string ready, string? expected)
    {
        var check = () => BootPolicies.Check(new BootPolicy { Ready = ready });
        if (expected is null)
            check();
        else
            Assert.Contains(expected, Assert.Throws<BadRequestException>(check).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ready_text_longer_than_100_characters_is_refused() =>
        Assert.Contains("at most 100 characters, not 101",
            Assert.Throws<BadRequestException>(() => BootPolicies.Check(new BootPolicy { Ready = new string('x', 101) })).Message, StringComparison.Ordinal);

    [Fact]
    public void An_empty_ready_text_clears_the_stored_one_and_an_absent_one_keeps_it()
    {
        var stored = new BootPolicy { Order = 1, Ready = "CARVE-READY" };

        Assert.Equal("CARVE-READY", BootPolicies.Merge(stored, new BootPolicy { Order = 2 }).Ready);
        Assert.Null(BootPolicies.Merge(stored, new BootPolicy { Ready = "" }).Ready);
        Assert.Equal("up", BootPolicies.Merge(stored, new BootPolicy { Ready = "up" }).Ready);
    }

    [Fact]
    public void Onboot_can_be_turned_off_again()
    {
        var merged = BootPolicies.Merge(new BootPolicy { OnBoot = true, Order = 2 }, new BootPolicy { OnBoot = false });

        Assert.False(merged.OnBoot);
        Assert.Equal(2, merged.Order);
    }
}
