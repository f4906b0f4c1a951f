using System.Text;
using Carve.Core.Boot;

namespace Carve.Core.Tests.Boot;

public sealed class ConsoleOutputTests
{
    private static string Since(string before, string now) =>
        Encoding.ASCII.GetString(ConsoleOutput.Since(Encoding.ASCII.GetBytes(before), Encoding.ASCII.GetBytes(now)));

    private static readonly string OldBoot = string.Concat(Enumerable.Range(0, 20).Select(i => $"[    {i}.000] booting line {i}\n")) + "CARVE-READY\n";

    [Fact]
    public void A_log_that_only_grew_gives_what_was_added() =>
        Assert.Equal("new line\n", Since(OldBoot, OldBoot + "new line\n"));

    [Fact]
    public void With_nothing_before_everything_is_new() =>
        Assert.Equal("hello", Since("", "hello"));

    [Fact]
    public void A_log_that_slid_past_its_bound_gives_only_what_was_added()
    {
        var now = OldBoot[150..] + "second boot\n";

        Assert.Equal("second boot\n", Since(OldBoot, now));
    }

    [Fact]
    public void The_same_boot_printed_again_counts_as_new_output_with_its_marker()
    {
        // A reboot prints what the last boot printed; its marker must count, the old one must not.
        Assert.Equal(OldBoot, Since(OldBoot, OldBoot + OldBoot));
        Assert.Equal("", Since(OldBoot, OldBoot));
    }

    [Fact]
    public void A_log_with_nothing_in_common_with_the_earlier_read_is_all_new()
    {
        var rotated = new string('z', 100);

        Assert.Equal(rotated, Since(OldBoot, rotated));
    }

    [Fact]
    public void An_overlap_shorter_than_the_minimum_is_not_trusted()
    {
        var now = OldBoot[^10..] + "x";

        Assert.Equal(now, Since(OldBoot, now));
    }
}
