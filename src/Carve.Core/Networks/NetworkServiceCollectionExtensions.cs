using Carve.Host.Net;
using Carve.Host.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Networks;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>The core of networks; the drivers (nat, bridge) come from Carve.Network's AddCarveNetwork().</summary>
    public static IServiceCollection AddCarveNetworks(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LinkCommands(sp.GetRequiredService<IProcessRunner>()));
        services.AddSingleton(sp => new NftCommands(sp.GetRequiredService<IProcessRunner>()));
        services.AddSingleton(new Sysctl());
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<NetworkDrivers>();
        services.AddSingleton<NetworkService>();
        services.AddSingleton<NicPlanner>();
        services.AddSingleton<GuestNetworking>();
        return services;
    }
}
