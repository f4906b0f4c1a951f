using Carve.SystemTests.Harness;
using static Carve.SystemTests.Harness.NetworkChecks;

namespace Carve.SystemTests;

/// <summary>kill -9 of a NAT network's dnsmasq: carved notices, starts it again, says so, and DHCP works again.</summary>
public sealed class DnsmasqDeathTests
{
    [Fact]
    public async Task A_killed_dnsmasq_is_restarted_logged_and_serves_again()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        await using var d = await DaemonProcess.StartAsync(ns);
        try
        {
            (await d.CarveAsync("network", "create", "lab", "--type", "nat", "--subnet", "10.79.0.0/24")).EnsureSuccess();
            (await d.CarveAsync("ct", "create", "client", "--template", "busybox", "--memory", "64", "--nic", "network=lab", "--start")).EnsureSuccess();
            var nic = FirstNic(await d.ShowCtAsync("client"));
            await WaitForLeaseAsync(d, "lab", nic.Mac, nic.Ip!);
            var killed = Assert.Single(DnsmasqPids(d));

            System.Diagnostics.Process.GetProcessById(killed).Kill();

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (DnsmasqPids(d) is not [var pid] || pid == killed)
            {
                Assert.True(DateTime.UtcNow < deadline, "No new dnsmasq within 30 s. Daemon log:\n" + d.Log);
                await Task.Delay(200);
            }
            Assert.Contains("Network lab: its dnsmasq is not running; carved brings it up again", d.Log, StringComparison.Ordinal);
            // A fresh DHCP exchange from the container: only a serving dnsmasq answers it.
            var dhcp = await d.CarveAsync("ct", "exec", "client", "--", "udhcpc", "-i", "eth0", "-n", "-q", "-t", "5", "-s", "/usr/share/udhcpc/default.script");
            Assert.True(dhcp.ExitCode == 0, $"udhcpc: {dhcp.Stdout}{dhcp.Stderr}");
            await AssertPingsAsync(d, "client", "10.79.0.1");
        }
        finally
        {
            await CleanUpAsync(d);
        }
    }
}
