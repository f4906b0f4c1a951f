using Microsoft.Extensions.Hosting;

namespace Carve.Core.Networks;

/// <summary>
/// Notices a network whose helper died (kill -9 of a NAT network's dnsmasq, the OOM killer) and brings it up again
/// within seconds, rather than at the next daemon start: without dnsmasq, guests lose DHCP and DNS.
/// </summary>
internal sealed class NetworkWatch(NetworkService networks) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await networks.RepairAsync(stoppingToken);
    }
}
