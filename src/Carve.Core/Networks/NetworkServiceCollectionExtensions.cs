using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Networks;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>The core of networks; the drivers (nat, bridge) come from Carve.Network's AddCarveNetwork().</summary>
    public static IServiceCollection AddCarveNetworks(this IServiceCollection services)
    {
        services.AddSingleton<NetworkStore>();
        services.AddSingleton<NetworkDrivers>();
        services.AddSingleton<NetworkService>();
        services.AddSingleton<NicPlanner>();
        services.AddSingleton<GuestNetworking>();
        services.AddHostedService<NetworkWatch>();
        return services;
    }
}
