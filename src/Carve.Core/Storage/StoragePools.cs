using Carve.Contracts.Host;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Storage;

/// <summary>
/// The configured pools, each bound to the <see cref="IStorageDriver"/> registered under its type (keyed DI) and to
/// the <see cref="IImageTool"/>. The first pool is the default.
/// </summary>
public sealed class StoragePools(CarveOptions options, IImageTool images, IServiceProvider services)
{
    public IReadOnlyList<StoragePool> All => options.EffectivePools.Select(Bind).ToList();

    public StoragePool Default => Bind(options.EffectivePools[0]);

    /// <summary>The pool of that name, or the default one for null.</summary>
    public StoragePool Get(string? name) =>
        name is null ? Default
        : Bind(options.EffectivePools.FirstOrDefault(p => p.Name == name) ?? throw new BadRequestException($"There is no storage pool '{name}'."));

    public void InitializeAll()
    {
        foreach (var pool in All)
            pool.Initialize();
    }

    public IReadOnlyList<PoolView> Describe() => All.Select(p => p.Describe()).ToList();

    private StoragePool Bind(PoolOptions pool)
    {
        var driver = services.GetKeyedService<IStorageDriver>(pool.Type)
            ?? throw new BadRequestException($"Pool {pool.Name} has unknown type '{pool.Type}'.");
        return new StoragePool(pool, driver, images, pool == options.EffectivePools[0]);
    }
}
