using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;

namespace Carve.Cli.Tests.Specs;

public sealed class TemplateSpecTests
{
    [Theory]
    [InlineData("busybox")]
    [InlineData("debian")]
    [InlineData("rootfs.tar.gz")]
    public void A_value_without_a_slash_is_a_template_name(string value)
    {
        Assert.Equal(value, TemplateSpec.Resolve(value, "/home/me"));
    }

    [Theory]
    [InlineData("./rootfs.tar.xz", "/home/me/rootfs.tar.xz")]
    [InlineData("images/alpine.tar.zst", "/home/me/images/alpine.tar.zst")]
    [InlineData("/srv/rootfs.tar.gz", "/srv/rootfs.tar.gz")]
    public void A_value_with_a_slash_is_a_path_made_absolute(string value, string expected)
    {
        Assert.Equal(expected, TemplateSpec.Resolve(value, "/home/me"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_value_is_a_usage_error(string value)
    {
        Assert.Throws<UsageException>(() => TemplateSpec.Resolve(value, "/home/me"));
    }
}
