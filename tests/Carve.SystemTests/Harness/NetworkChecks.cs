using System.Text.Json;

namespace Carve.SystemTests.Harness;

/// <summary>What the network tests ask of guests and networks, through the real CLI.</summary>
public static class NetworkChecks
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>The first NIC of a VM or container: its reserved address (null on bridge networks) and MAC.</summary>
    public static (string? Ip, string Mac) FirstNic(JsonElement guest)
    {
        var nic = guest.GetProperty("config").GetProperty("nics")[0];
        return (nic.TryGetProperty("ip", out var ip) && ip.ValueKind == JsonValueKind.String ? ip.GetString() : null, nic.GetProperty("mac").GetString()!);
    }

    /// <summary>Polls `network list` until dnsmasq has leased <paramref name="ip"/> to <paramref name="mac"/>.</summary>
    public static async Task WaitForLeaseAsync(DaemonProcess d, string network, string mac, string ip)
    {
        var deadline = DateTime.UtcNow + Patience;
        var seen = "";
        while (DateTime.UtcNow < deadline)
        {
            var list = Json.Parse(await d.CarveAsync("network", "list", "-o", "json"));
            var net = list.EnumerateArray().First(n => n.GetProperty("name").GetString() == network);
            seen = net.GetProperty("leases").ToString();
            if (net.GetProperty("leases").EnumerateArray().Any(l => l.GetProperty("mac").GetString() == mac && l.GetProperty("ip").GetString() == ip))
                return;
            await Task.Delay(1000);
        }
        throw new Xunit.Sdk.XunitException($"No lease of {ip} to {mac} on {network}; leases: {seen}\nDaemon log:\n{d.Log}");
    }

    /// <summary>Pings from inside a container until an answer comes (ARP and DHCP may still be settling).</summary>
    public static async Task AssertPingsAsync(DaemonProcess d, string ct, string ip)
    {
        var deadline = DateTime.UtcNow + Patience;
        CommandResult last;
        do
        {
            last = await d.CarveAsync("ct", "exec", ct, "--", "ping", "-c", "1", "-W", "2", ip);
            if (last.ExitCode == 0)
                return;
            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"{ct} cannot ping {ip}: {last.Stdout}{last.Stderr}");
    }

    /// <summary>Three pings, none answered. Only meaningful after a positive check has shown the guest's network works.</summary>
    public static async Task AssertNoPingAsync(DaemonProcess d, string ct, string ip)
    {
        var result = await d.CarveAsync("ct", "exec", ct, "--", "ping", "-c", "3", "-W", "1", ip);
        Assert.True(result.ExitCode != 0, $"{ct} reached {ip}, which it must not: {result.Stdout}");
    }

    /// <summary>Guests, networks and the dnsmasq processes (they outlive carved by design) all go.</summary>
    public static async Task CleanUpAsync(DaemonProcess d)
    {
        foreach (var guest in Json.Parse(await d.CarveAsync("list", "-o", "json")).EnumerateArray())
            await d.CarveAsync(guest.GetProperty("type").GetString()!, "delete", guest.GetProperty("name").GetString()!, "--force");
        foreach (var network in Json.Parse(await d.CarveAsync("network", "list", "-o", "json")).EnumerateArray())
            await d.CarveAsync("network", "delete", network.GetProperty("name").GetString()!);
        KillDnsmasq(d);
    }

    public static IReadOnlyList<int> DnsmasqPids(DaemonProcess d) =>
        Processes.FindByArgument("--conf-file=" + Path.Combine(d.DataDir, "networks")).Where(Processes.IsRunning).Order().ToList();

    public static void KillDnsmasq(DaemonProcess d)
    {
        foreach (var pid in DnsmasqPids(d))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }
    }
}
