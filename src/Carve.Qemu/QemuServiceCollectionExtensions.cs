using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.HostInfo;
using Carve.Host.Processes;
using Carve.Qemu.Driver;
using Carve.Qemu.Probe;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Qemu;

public static class QemuServiceCollectionExtensions
{
    /// <summary>The QEMU driver for guests of kind "vm", and the host facts only QEMU can tell.</summary>
    public static IServiceCollection AddCarveQemu(this IServiceCollection services, string? qemuVersion)
    {
        services.AddSingleton<QemuProcessLocator>();
        services.AddSingleton<QmpConnections>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<CarveOptions>();
            return new KvmProbe(sp.GetRequiredService<IProcessRunner>(), options.QemuBinary,
                Path.Combine(options.RunDir, "probe"), options.KvmDevice);
        });
        services.AddSingleton(sp => new AccelerationService(sp.GetRequiredService<KvmProbe>(), qemuVersion));
        services.AddSingleton<IHypervisorFacts>(sp => sp.GetRequiredService<AccelerationService>());
        services.AddSingleton<QemuDriver>();
        services.AddSingleton<IInstanceDriver>(sp => sp.GetRequiredService<QemuDriver>());
        services.AddSingleton<Core.Snapshots.IGuestSnapshots>(sp => sp.GetRequiredService<QemuDriver>());
        return services;
    }
}
