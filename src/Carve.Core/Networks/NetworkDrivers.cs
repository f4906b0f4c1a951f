using Carve.Core.Errors;

namespace Carve.Core.Networks;

/// <summary>Network drivers by type; the core never names a concrete one.</summary>
public sealed class NetworkDrivers(IEnumerable<INetworkDriver> drivers)
{
    private readonly Dictionary<string, INetworkDriver> _drivers = drivers.ToDictionary(d => d.Type);

    public IReadOnlyCollection<string> Types => _drivers.Keys;

    public INetworkDriver For(string type) =>
        _drivers.TryGetValue(type, out var d) ? d : throw new BadRequestException($"Unknown network type '{Validation.Names.Printable(type)}': use one of {string.Join(", ", _drivers.Keys.Order())}.");
}
