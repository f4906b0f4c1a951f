using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Core.Drivers;

/// <summary>Drivers by key: the core asks for "vm" or "dir" and never names a concrete type.</summary>
public sealed class DriverRegistry(IEnumerable<IInstanceDriver> instances, IEnumerable<IStorageDriver> storage)
{
    private readonly Dictionary<string, IInstanceDriver> _instances = instances.ToDictionary(d => d.Kind);
    private readonly Dictionary<string, IStorageDriver> _storage = storage.ToDictionary(d => d.Type);

    public IEnumerable<IInstanceDriver> Instances => _instances.Values;

    public IInstanceDriver Instance(string kind) =>
        _instances.TryGetValue(kind, out var d) ? d : throw new OperationFailedException($"No driver for guests of kind '{kind}'.");

    public IStorageDriver Storage(string type) =>
        _storage.TryGetValue(type, out var d) ? d : throw new BadRequestException($"Unknown storage pool type '{type}'.");
}
