using Carve.Contracts.Guests;
using Carve.Contracts.Vms;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.HostInfo;
using Carve.Core.Snapshots;
using Carve.Host.Processes;
using Carve.Qemu.Driver;
using Carve.Qemu.Guests;
using Carve.Qemu.Probe;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Qemu;

public static class QemuServiceCollectionExtensions
{
    /// <summary>
    /// Guests of kind "vm": the QEMU driver's parts keyed by that kind, the VM create and change requests and views,
    /// and the host facts only QEMU can tell.
    /// </summary>
    public static IServiceCollection AddCarveQemu(this IServiceCollection services, string? qemuVersion)
    {
        var kind = GuestKind.Vm;
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
        services.AddSingleton<QemuRuntime>();
        services.AddSingleton<SerialLogs>();
        services.AddHostedService<SerialLogTrimmer>();
        services.AddSingleton<VmVolumes>();
        services.AddSingleton<UefiVars>();
        services.AddSingleton<QemuLauncher>();
        services.AddSingleton<QemuPower>();
        services.AddSingleton<QemuInspector>();
        services.AddSingleton<QemuDefinition>();

        services.AddKeyedSingleton<IGuestDefinition>(kind, (sp, _) => sp.GetRequiredService<QemuDefinition>());
        services.AddKeyedSingleton<IInstanceDriver, QemuInstanceDriver>(kind);
        services.AddKeyedSingleton<IGuestSnapshots, QemuSnapshots>(kind);
        services.AddKeyedSingleton<IGuestConsole, QemuConsole>(kind);
        services.AddKeyedSingleton<IGuestDisplay, QemuDisplay>(kind);
        services.AddSingleton<IGuestFactory<CreateVmRequest>, VmFactory>();
        services.AddSingleton<IGuestEditor<SetVmRequest>, VmEditor>();
        services.AddSingleton<IGuestViews<VmView>, VmViews>();
        return services;
    }
}
