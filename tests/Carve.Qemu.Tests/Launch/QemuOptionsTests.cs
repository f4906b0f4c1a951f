using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

public sealed class QemuOptionsTests
{
    [Theory]
    [InlineData("/tmp/a,b", "/tmp/a,,b")]
    [InlineData("a,,b", "a,,,,b")]
    [InlineData(",", ",,")]
    [InlineData("/var/lib/carve/images/disk0.qcow2", "/var/lib/carve/images/disk0.qcow2")]
    [InlineData("", "")]
    public void Escape_doubles_commas(string value, string escaped) =>
        Assert.Equal(escaped, QemuOptions.Escape(value));

    [Theory]
    [InlineData("/tmp/x\n-y")]
    [InlineData("/tmp/x\r")]
    [InlineData("/tmp/x\0y")]
    [InlineData("a\tb")]
    [InlineData("\u001b[2J")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    public void Escape_rejects_control_characters(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => QemuOptions.Escape(value));

        Assert.Contains("control character", error.Message);
    }
}
