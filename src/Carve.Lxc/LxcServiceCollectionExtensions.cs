using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Templates;
using Carve.Host.Processes;
using Carve.Lxc.Driver;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc;

public static class LxcServiceCollectionExtensions
{
    /// <summary>
    /// Guests of kind "ct": the LXC driver's parts keyed by that kind, the container create and change requests and
    /// views, and the template store containers are filled from.
    /// </summary>
    public static IServiceCollection AddCarveLxc(this IServiceCollection services)
    {
        var kind = GuestKind.Ct;
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
        services.AddSingleton<LxcRuntime>();
        services.AddSingleton<LxcConfigWriter>();
        services.AddSingleton<LxcHostAccess>();
        services.AddSingleton<LxcProvisioner>();
        services.AddSingleton<LxcLifecycle>();
        services.AddSingleton<LxcInspector>();
        services.AddSingleton<LxcDefinition>();

        services.AddKeyedSingleton<IGuestDefinition>(kind, (sp, _) => sp.GetRequiredService<LxcDefinition>());
        services.AddKeyedSingleton<IInstanceDriver, LxcInstanceDriver>(kind);
        services.AddKeyedSingleton<IGuestSnapshots, LxcSnapshots>(kind);
        services.AddKeyedSingleton<IGuestConsole, LxcConsole>(kind);
        services.AddSingleton<CtFactory>();
        services.AddSingleton<IGuestFactory<CreateCtRequest>>(sp => sp.GetRequiredService<CtFactory>());
        services.AddSingleton<IGuestEditor<SetCtRequest>, CtEditor>();
        services.AddSingleton<IGuestViews<CtView>, CtViews>();
        return services;
    }
}
