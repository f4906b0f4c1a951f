using Carve.Core.Configuration;
using Carve.Core.Resources;
using Carve.Host.Hardware;
using Carve.Host.Proc;
using Carve.Host.Sysfs;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Hardware;

public static class HardwareServiceCollectionExtensions
{
    /// <summary>Host hardware (PCI, USB, readiness), passthrough and the resource reservation with admission control.</summary>
    public static IServiceCollection AddCarveHardware(this IServiceCollection services, CarveOptions options)
    {
        services.AddSingleton(options.Hardware);
        services.AddSingleton(new HostFs(options.Hardware.HostRoot));
        services.AddSingleton<PciScanner>();
        services.AddSingleton<VfioBinder>();
        services.AddSingleton<UsbScanner>();
        services.AddSingleton<HostFactsReader>();
        services.AddSingleton<PciAssignmentStore>();
        services.AddSingleton<HostHardware>();
        services.AddSingleton<PciPassthrough>();
        // Checked now, so an impossible reservation stops the daemon at start with its reason.
        services.AddSingleton(HostReservation.From(options, Environment.ProcessorCount, new ProcFs().ReadMemory().Total));
        services.AddSingleton<ResourceLedger>();
        return services;
    }
}
