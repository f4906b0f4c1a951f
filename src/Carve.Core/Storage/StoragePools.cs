using Carve.Contracts.Host;
using Carve.Core.Configuration;
using Carve.Core.Errors;

namespace Carve.Core.Storage;

/// <summary>The configured pools, each with its driver. The first pool is the default.</summary>
public sealed class StoragePools(CarveOptions options, IEnumerable<IStorageDriver> drivers)
{
    private readonly Dictionary<string, IStorageDriver> _drivers = drivers.ToDictionary(d => d.Type);

    public IReadOnlyList<PoolOptions> All => options.EffectivePools;

    public PoolOptions Default => All[0];

    public PoolOptions Get(string? name) =>
        name is null ? Default
        : All.FirstOrDefault(p => p.Name == name) ?? throw new BadRequestException($"There is no storage pool '{name}'.");

    public IStorageDriver DriverFor(PoolOptions pool) =>
        _drivers.TryGetValue(pool.Type, out var d) ? d : throw new BadRequestException($"Pool {pool.Name} has unknown type '{pool.Type}'.");

    public void InitializeAll()
    {
        foreach (var pool in All)
            DriverFor(pool).Initialize(pool);
    }

    public IReadOnlyList<PoolView> Describe() =>
        All.Select(p =>
        {
            var usage = DriverFor(p).Usage(p);
            return new PoolView
            {
                Name = p.Name, Type = p.Type, Path = p.Path, Default = p == Default,
                TotalBytes = usage.TotalBytes, AvailableBytes = usage.AvailableBytes,
            };
        }).ToList();
}
