using Microsoft.Extensions.Hosting;

namespace Carve.Qemu.Driver;

/// <summary>Keeps each VM's console log within its bound while the VM runs and prints.</summary>
internal sealed class SerialLogTrimmer(SerialLogs logs) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            logs.TrimAll();
    }
}
