using Carve.Core.Clones;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Snapshots;

public static class SnapshotServiceCollectionExtensions
{
    /// <summary>Snapshots, clones and templates; the drivers register their <see cref="IGuestSnapshots"/> themselves.</summary>
    public static IServiceCollection AddCarveSnapshots(this IServiceCollection services)
    {
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<SnapshotService>();
        services.AddSingleton<SnapshotRecovery>();
        services.AddSingleton<CloneLinks>();
        services.AddSingleton<CloneService>();
        return services;
    }
}
