using Carve.Lxc.Guests;
using Carve.Core.Errors;
using Carve.Lxc.Driver;

namespace Carve.Lxc.Tests.Driver;

public sealed class CtMountValidatorTests
{
    [Fact]
    public void A_missing_source_is_named()
    {
        var e = Assert.Throws<BadRequestException>(() => CtMountValidator.Validate(new CtMount("/x", "/mnt", false)));
        Assert.Equal("The mount source /x does not exist.", e.Message);
    }

    [Theory]
    [InlineData("relative/dir", "/mnt", "absolute path on the host")]
    [InlineData("/tmp", "mnt", "absolute path inside the container")]
    [InlineData("/tmp", "/mnt/../etc", "'..'")]
    [InlineData("/tmp", "/", "root directory")]
    public void Bad_paths_are_refused(string host, string guest, string why)
    {
        var e = Assert.Throws<BadRequestException>(() => CtMountValidator.Validate(new CtMount(host, guest, false)));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_mounts_on_one_target_are_refused() =>
        Assert.Throws<BadRequestException>(() => CtMountValidator.ValidateAll([new CtMount("/tmp", "/mnt", false), new CtMount("/var", "//mnt/", true)]));
}
