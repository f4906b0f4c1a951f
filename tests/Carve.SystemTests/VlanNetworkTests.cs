using Carve.SystemTests.Harness;
using static Carve.SystemTests.Harness.NetworkChecks;

namespace Carve.SystemTests;

/// <summary>VLAN tags on a bridge network with an uplink, with real containers inside a namespace of the test's own.</summary>
public sealed class VlanNetworkTests
{
    [Fact]
    public async Task TaggedNicsReachOnlyTheirOwnVlan()
    {
        await using var ns = await NetworkNamespace.CreateAsync();
        await using var d = await DaemonProcess.StartAsync(ns);
        try
        {
            // The "LAN": a veth pair inside the namespace; Carve is told to use one end as the uplink.
            (await ns.ExecAsync("ip", "link", "add", "uplink0", "type", "veth", "peer", "name", "lanpeer0")).EnsureSuccess();
            (await ns.ExecAsync("ip", "link", "set", "lanpeer0", "up")).EnsureSuccess();
            (await d.CarveAsync("network", "create", "lan", "--type", "bridge", "--uplink", "uplink0", "--bridge", "vmbr0")).EnsureSuccess();
            var master = await ns.ExecAsync("ip", "-o", "link", "show", "uplink0");
            Assert.Contains("master vmbr0", master.Stdout, StringComparison.Ordinal);
            // The LAN has its own DHCP: Carve serves none on a bridge network, so nothing of Carve's answers on the uplink.
            Assert.Empty(DnsmasqPids(d));

            var guests = new[] { ("a", "10", "192.0.2.1"), ("b", "10", "192.0.2.2"), ("c", "20", "192.0.2.3") };
            foreach (var (name, vlan, _) in guests)
                (await d.CarveAsync("ct", "create", name, "--template", "busybox", "--memory", "64", "--nic", $"network=lan,vlan={vlan}", "--start")).EnsureSuccess();
            foreach (var (name, _, ip) in guests)
                await SetStaticAddressAsync(d, name, ip);

            // A VM's tap in VLAN 10 too: it reaches a, and c (VLAN 20) cannot reach it.
            (await d.CarveAsync("vm", "create", "v", "--memory", "256", "--kernel", TestGuest.Kernel, "--initrd", TestGuest.Initrd,
                "--cmdline", "console=ttyS0 carve.ip=192.0.2.9/24 carve.ping=192.0.2.1", "--nic", "network=lan,vlan=10", "--start")).EnsureSuccess();

            await AssertPingsAsync(d, "a", "192.0.2.2");
            await AssertPingsAsync(d, "b", "192.0.2.1");
            await d.WaitForConsoleAsync("v", Patience, "CARVE-IP=192.0.2.9/24", "CARVE-PING-OK=192.0.2.1");
            await AssertPingsAsync(d, "b", "192.0.2.9");
            await AssertNoPingAsync(d, "a", "192.0.2.3");
            await AssertNoPingAsync(d, "c", "192.0.2.2");
            await AssertNoPingAsync(d, "c", "192.0.2.9");

            // NICs change on a stopped VM only.
            var busy = await d.CarveAsync("vm", "set", "v", "--nic", "network=lan,vlan=20");
            Assert.NotEqual(0, busy.ExitCode);
            Assert.Contains("is running", busy.Stderr, StringComparison.Ordinal);
            (await d.CarveAsync("vm", "stop", "v")).EnsureSuccess();
            (await d.CarveAsync("vm", "set", "v", "--nic", "network=lan,vlan=20")).EnsureSuccess();
            var nic = (await d.ShowAsync("v")).GetProperty("config").GetProperty("nics")[0];
            Assert.Equal((20, "tap" + (await d.ShowAsync("v")).GetProperty("id").GetInt32() + "i0"),
                (nic.GetProperty("vlan").GetInt32(), nic.GetProperty("hostInterface").GetString()));
            (await d.CarveAsync("vm", "delete", "v")).EnsureSuccess();

            // Moving c into VLAN 10 (a NIC change on the stopped container) lets it in.
            (await d.CarveAsync("ct", "stop", "c")).EnsureSuccess();
            (await d.CarveAsync("ct", "set", "c", "--nic", "network=lan,vlan=10")).EnsureSuccess();
            (await d.CarveAsync("ct", "start", "c")).EnsureSuccess();
            await SetStaticAddressAsync(d, "c", "192.0.2.3");
            await AssertPingsAsync(d, "c", "192.0.2.1");

            // Deleting the network deletes the bridge Carve made; the uplink stays. An adopted bridge stays too.
            foreach (var (name, _, _) in guests)
                (await d.CarveAsync("ct", "delete", name, "--force")).EnsureSuccess();
            (await d.CarveAsync("network", "delete", "lan")).EnsureSuccess();
            Assert.NotEqual(0, (await ns.ExecAsync("ip", "link", "show", "vmbr0")).ExitCode);
            (await ns.ExecAsync("ip", "link", "show", "uplink0")).EnsureSuccess();
            (await ns.ExecAsync("ip", "link", "add", "br-home", "type", "bridge")).EnsureSuccess();
            (await d.CarveAsync("network", "create", "home", "--type", "bridge", "--bridge", "br-home")).EnsureSuccess();
            var home = Json.Parse(await d.CarveAsync("network", "list", "-o", "json"))[0];
            Assert.True(home.GetProperty("adopted").GetBoolean());
            (await d.CarveAsync("network", "delete", "home")).EnsureSuccess();
            (await ns.ExecAsync("ip", "link", "show", "br-home")).EnsureSuccess();
        }
        finally
        {
            await CleanUpAsync(d);
        }
    }

    /// <summary>The template asks DHCP first (none answers on this LAN); once udhcpc has started, a fixed address stays.</summary>
    private static async Task SetStaticAddressAsync(DaemonProcess d, string ct, string ip)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await d.CarveAsync("ct", "exec", ct, "--", "test", "-e", "/run/udhcpc.eth0.pid")).ExitCode != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"udhcpc never started in {ct}");
            await Task.Delay(500);
        }
        (await d.CarveAsync("ct", "exec", ct, "--", "ip", "addr", "add", ip + "/24", "dev", "eth0")).EnsureSuccess();
    }
}
