using Carve.SystemTests.Harness;
using static Carve.SystemTests.Harness.NetworkChecks;

namespace Carve.SystemTests;

/// <summary>A NAT network with a real VM and real containers, all inside a network namespace of the test's own.</summary>
public sealed class NatNetworkTests
{
    [Fact]
    public async Task GuestsGetLeasesReachEachOtherNotOtherNetworksPublishPortsAndSurviveRestarts()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        await using var d = await DaemonProcess.StartAsync(ns);
        try
        {
            (await d.CarveAsync("network", "create", "lab", "--type", "nat", "--subnet", "10.77.0.0/24")).EnsureSuccess();
            (await d.CarveAsync("network", "create", "other", "--type", "nat", "--subnet", "10.78.0.0/24")).EnsureSuccess();

            (await d.CarveAsync("ct", "create", "web", "--template", "busybox", "--memory", "128",
                "--nic", "network=lab", "--publish", "8080:80", "--start")).EnsureSuccess();
            var web = FirstNic(await d.ShowCtAsync("web"));
            (await d.CarveAsync("vm", "create", "vm1", "--memory", "256", "--kernel", TestGuest.Kernel, "--initrd", TestGuest.Initrd,
                "--cmdline", $"console=ttyS0 carve.net=dhcp carve.ping={web.Ip}", "--nic", "network=lab,model=e1000", "--start")).EnsureSuccess();
            var vm = FirstNic(await d.ShowAsync("vm1"));
            Assert.StartsWith("10.77.0.", vm.Ip, StringComparison.Ordinal);
            Assert.NotEqual(web.Ip, vm.Ip);

            // Both get their reserved addresses from dnsmasq and reach each other, both ways.
            await WaitForLeaseAsync(d, "lab", web.Mac, web.Ip!);
            await d.WaitForConsoleAsync("vm1", Patience, $"CARVE-IP={vm.Ip}", $"CARVE-PING-OK={web.Ip}");
            await WaitForLeaseAsync(d, "lab", vm.Mac, vm.Ip!);
            await AssertPingsAsync(d, "web", vm.Ip!);

            // dnsmasq listens on the gateways, the bridges' own link-local addresses and, for DHCP, on the bridges
            // alone: nowhere else in the namespace.
            var sockets = (await ns.ExecAsync("ss", "-H", "-l", "-n", "-u", "-t", "-p")).EnsureSuccess().Stdout
                .Split('\n').Where(l => l.Contains("\"dnsmasq\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(sockets);
            Assert.All(sockets, l => Assert.Matches(@"\s(10\.77\.0\.1:53|10\.78\.0\.1:53|\[fe80::[0-9a-f:]+\]%(lab|other):53|0\.0\.0\.0%(lab|other):67)\s", l));

            // A guest of another network has its own working network, and cannot reach them.
            (await d.CarveAsync("ct", "create", "stranger", "--template", "busybox", "--memory", "128", "--nic", "network=other", "--start")).EnsureSuccess();
            var stranger = FirstNic(await d.ShowCtAsync("stranger"));
            await WaitForLeaseAsync(d, "other", stranger.Mac, stranger.Ip!);
            await AssertPingsAsync(d, "stranger", "10.78.0.1");
            await AssertNoPingAsync(d, "stranger", web.Ip!);
            await AssertNoPingAsync(d, "stranger", vm.Ip!);

            // The published port reaches a listener in the container from the namespace's host side.
            (await d.CarveAsync("ct", "exec", "web", "--", "sh", "-c", "mkdir -p /www && echo published-ok > /www/index.html && httpd -p 80 -h /www")).EnsureSuccess();
            (await ns.ExecAsync("ip", "addr", "add", "198.51.100.1/32", "dev", "lo")).EnsureSuccess();
            var fetched = await ns.TcpAsync("198.51.100.1", 8080, "GET / HTTP/1.0\r\n\r\n");
            Assert.Contains("published-ok", fetched.Stdout, StringComparison.Ordinal);

            // A network in use is not deleted, and the refusal names its users.
            var refused = await d.CarveAsync("network", "delete", "lab");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("ct web", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains("vm vm1", refused.Stderr, StringComparison.Ordinal);

            // kill -9 of carved: dnsmasq keeps serving and the next daemon adopts it rather than starting another.
            var dnsmasq = DnsmasqPids(d);
            Assert.Equal(2, dnsmasq.Count);
            await d.KillHardAsync();
            await d.LaunchAsync();
            Assert.Equal(dnsmasq, DnsmasqPids(d));

            // As after a host reboot: bridge and dnsmasq gone. The next daemon makes them again and plugs the running guests back in.
            await d.KillHardAsync();
            KillDnsmasq(d);
            (await ns.ExecAsync("ip", "link", "del", "lab")).EnsureSuccess();
            await d.LaunchAsync();
            (await ns.ExecAsync("ip", "link", "show", "lab")).EnsureSuccess();
            Assert.Equal(2, DnsmasqPids(d).Count);
            await AssertPingsAsync(d, "web", vm.Ip!);
            await AssertPingsAsync(d, "web", "10.77.0.1");
            var list = Json.Parse(await d.CarveAsync("network", "list", "-o", "json"));
            Assert.Equal("lab,other", string.Join(",", list.EnumerateArray().Select(n => n.GetProperty("name").GetString())));

            // Once its guests are gone, deleting the network removes everything Carve made for it.
            (await d.CarveAsync("vm", "delete", "vm1", "--force")).EnsureSuccess();
            (await d.CarveAsync("ct", "delete", "web", "--force")).EnsureSuccess();
            (await d.CarveAsync("network", "delete", "lab")).EnsureSuccess();
            Assert.NotEqual(0, (await ns.ExecAsync("ip", "link", "show", "lab")).ExitCode);
            Assert.NotEqual(0, (await ns.ExecAsync("nft", "list", "table", "inet", "carve_lab")).ExitCode);
            (await ns.ExecAsync("nft", "list", "table", "inet", "carve_other")).EnsureSuccess();
            Assert.Single(DnsmasqPids(d));
        }
        finally
        {
            await CleanUpAsync(d);
        }
    }
}
