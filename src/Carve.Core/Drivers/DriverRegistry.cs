using Carve.Core.Errors;

namespace Carve.Core.Drivers;

/// <summary>Guest drivers by kind: the core asks for "vm" or "ct" and never names a concrete type.</summary>
public sealed class DriverRegistry(IEnumerable<IInstanceDriver> instances)
{
    private readonly Dictionary<string, IInstanceDriver> _instances = instances.ToDictionary(d => d.Kind);

    public IEnumerable<IInstanceDriver> Instances => _instances.Values;

    public IInstanceDriver Instance(string kind) =>
        _instances.TryGetValue(kind, out var d) ? d : throw new OperationFailedException($"No driver for guests of kind '{kind}'.");
}
