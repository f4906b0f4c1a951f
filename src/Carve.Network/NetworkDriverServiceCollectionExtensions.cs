using Carve.Core.Networks;
using Carve.Network.Bridge;
using Carve.Network.Dnsmasq;
using Carve.Network.Nat;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Network;

public static class NetworkDriverServiceCollectionExtensions
{
    /// <summary>The network drivers Carve ships, each registered as an <see cref="INetworkDriver"/>.</summary>
    public static IServiceCollection AddCarveNetwork(this IServiceCollection services)
    {
        services.AddSingleton<DnsmasqSupervisor>();
        services.AddSingleton<INetworkDriver, NatNetworkDriver>();
        services.AddSingleton<INetworkDriver, BridgeNetworkDriver>();
        return services;
    }
}
