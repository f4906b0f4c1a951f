using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Core.Tests.Validation;

public sealed class SizesTests
{
    [Theory]
    [InlineData("8G", 8L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1T", 1L << 40)]
    [InlineData("4K", 4096L)]
    [InlineData("1048576", 1048576L)]
    [InlineData("8g", 8L << 30)]
    [InlineData("8GiB", 8L << 30)]
    [InlineData(" 2G ", 2L << 30)]
    [InlineData("0", 0L)]
    public void Parses_binary_units_and_plain_bytes(string text, long bytes) =>
        Assert.Equal(bytes, Sizes.Parse("size", text));

    [Theory]
    [InlineData("8X")]
    [InlineData("-1")]
    [InlineData("-8G")]
    [InlineData("1.5G")]
    [InlineData("G")]
    [InlineData("")]
    [InlineData("eight")]
    [InlineData("8 G")]
    [InlineData("0x10")]
    [InlineData("1234567890123456")]
    public void Refuses_garbage_and_negative_sizes(string text)
    {
        var e = Assert.Throws<BadRequestException>(() => Sizes.Parse("size", text));
        Assert.Contains("Invalid size", e.Message);
    }

    [Fact]
    public void Refuses_null() => Assert.Throws<BadRequestException>(() => Sizes.Parse("size", null));

    [Fact]
    public void Refuses_a_number_that_overflows_when_shifted()
    {
        // 15 digits of terabytes is far beyond a long's range of bytes.
        var e = Assert.Throws<BadRequestException>(() => Sizes.Parse("size", "999999999999999T"));
        Assert.Contains("too large", e.Message);
    }

    [Fact]
    public void The_largest_terabyte_count_that_fits_is_accepted() =>
        Assert.Equal((long.MaxValue >> 40) << 40, Sizes.Parse("size", $"{long.MaxValue >> 40}T"));

    [Theory]
    [InlineData("8G", 8L << 30)]
    [InlineData("1M", 1L << 20)]
    [InlineData("64T", 64L << 40)]
    public void Disk_sizes_between_1M_and_64T_are_accepted(string text, long bytes) =>
        Assert.Equal(bytes, Sizes.ParseDiskSize("disk size", text));

    [Theory]
    [InlineData("0")]
    [InlineData("1023K")]
    [InlineData("512")]
    public void Disk_sizes_below_1M_are_refused(string text)
    {
        var e = Assert.Throws<BadRequestException>(() => Sizes.ParseDiskSize("disk size", text));
        Assert.Contains("at least 1M", e.Message);
    }

    [Theory]
    [InlineData("65T")]
    [InlineData("99999T")]
    public void Disk_sizes_above_64T_are_refused(string text)
    {
        var e = Assert.Throws<BadRequestException>(() => Sizes.ParseDiskSize("disk size", text));
        Assert.Contains("at most 64T", e.Message);
    }

    [Fact]
    public void The_field_name_is_in_the_message()
    {
        var e = Assert.Throws<BadRequestException>(() => Sizes.ParseDiskSize("size of disk 0", "8X"));
        Assert.Contains("size of disk 0", e.Message);
    }
}
