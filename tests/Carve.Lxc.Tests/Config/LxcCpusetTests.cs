using Carve.Core.Errors;
using Carve.Lxc.Config;

namespace Carve.Lxc.Tests.Config;

/// <summary>Only a kernel CPU list becomes the container's cpuset line.</summary>
public sealed class LxcCpusetTests
{
    [Theory]
    [InlineData("1\nlxc.apparmor.profile = unconfined")]
    [InlineData("1 2")]
    [InlineData("")]
    [InlineData("all")]
    public void OddCpuListsAreRefused(string cpus) =>
        Assert.Throws<BadRequestException>(() => LxcConfigBuilder.Build(GoldenCases.All["busybox-unprivileged"] with { CpusetCpus = cpus }));

    [Fact]
    public void NoReservationWritesNoCpuset() =>
        Assert.DoesNotContain("cpuset", LxcConfigBuilder.Build(GoldenCases.All["busybox-unprivileged"]), StringComparison.Ordinal);
}
