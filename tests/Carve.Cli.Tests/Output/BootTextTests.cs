using Carve.Cli.Output;
using Carve.Contracts.Guests;

namespace Carve.Cli.Tests.Output;

public sealed class BootTextTests
{
    [Fact]
    public void The_boot_policy_reads_as_one_line_with_its_ready_text() =>
        Assert.Equal("starts with the host, order 1, up 90 s, up when it prints 'login:', restarts on crash",
            BootText.Describe(new BootPolicy { OnBoot = true, Order = 1, UpSeconds = 90, Ready = "login:", Restart = RestartPolicies.OnCrash }));

    [Fact]
    public void Nothing_set_is_no_line() => Assert.Null(BootText.Describe(new BootPolicy()));
}
