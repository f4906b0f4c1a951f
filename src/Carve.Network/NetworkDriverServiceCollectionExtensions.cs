using Carve.Core.Networks;
using Carve.Host.Net;
using Carve.Host.Processes;
using Carve.Network.Bridge;
using Carve.Network.Dnsmasq;
using Carve.Network.Nat;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Network;

public static class NetworkDriverServiceCollectionExtensions
{
    /// <summary>The network drivers Carve ships, keyed by their type, and the host's links, nftables and sysctls they drive.</summary>
    public static IServiceCollection AddCarveNetwork(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LinkCommands(sp.GetRequiredService<IProcessRunner>()));
        services.AddSingleton(sp => new NftCommands(sp.GetRequiredService<IProcessRunner>()));
        services.AddSingleton(new Sysctl());
        services.AddSingleton<BridgePorts>();
        services.AddSingleton<IBridgePorts>(sp => sp.GetRequiredService<BridgePorts>());
        services.AddSingleton<DnsmasqSupervisor>();
        services.AddKeyedSingleton<INetworkDriver, NatNetworkDriver>(NatNetworkDriver.Key);
        services.AddKeyedSingleton<INetworkDriver, BridgeNetworkDriver>(BridgeNetworkDriver.Key);
        return services;
    }
}
