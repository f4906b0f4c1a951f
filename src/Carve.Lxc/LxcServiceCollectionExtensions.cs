using Carve.Core.Configuration;
using Carve.Core.Containers;
using Carve.Core.Drivers;
using Carve.Host.Processes;
using Carve.Lxc.Driver;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc;

public static class LxcServiceCollectionExtensions
{
    /// <summary>The LXC driver for guests of kind "ct", and the template store it fills containers from.</summary>
    public static IServiceCollection AddCarveLxc(this IServiceCollection services)
    {
        services.AddSingleton(_ => LxcHostFacts.Detect());
        services.AddSingleton<LxcMonitorLocator>();
        services.AddSingleton(_ => new SubordinateIds());
        services.AddSingleton<TraversalAccess>();
        services.AddSingleton(sp => new TemplateStore(
            sp.GetRequiredService<CarveOptions>().EffectiveTemplatesDir,
            sp.GetRequiredService<IProcessRunner>(),
            sp.GetRequiredService<ILogger<TemplateStore>>()));
        services.AddSingleton<ITemplateStore>(sp => sp.GetRequiredService<TemplateStore>());
        services.AddSingleton<ICtArchiver, CtArchiver>();
        services.AddSingleton<LxcDriver>();
        services.AddSingleton<IInstanceDriver>(sp => sp.GetRequiredService<LxcDriver>());
        services.AddSingleton<Core.Snapshots.IGuestSnapshots>(sp => sp.GetRequiredService<LxcDriver>());
        return services;
    }
}
