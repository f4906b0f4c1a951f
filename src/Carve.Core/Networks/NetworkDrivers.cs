using Carve.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Networks;

/// <summary>Network drivers by type, from the keyed services Carve.Network registers; the core never names a concrete one.</summary>
public sealed class NetworkDrivers(IServiceProvider services)
{
    public IReadOnlyCollection<string> Types => services.GetKeyedServices<INetworkDriver>(KeyedService.AnyKey).Select(d => d.Type).Order().ToList();

    public INetworkDriver For(string type) =>
        services.GetKeyedService<INetworkDriver>(type)
        ?? throw new BadRequestException($"Unknown network type '{Validation.Names.Printable(type)}': use one of {string.Join(", ", Types)}.");
}
