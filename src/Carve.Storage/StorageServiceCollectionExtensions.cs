using Carve.Core.Configuration;
using Carve.Core.Storage;
using Carve.Host.Processes;
using Carve.Storage.Btrfs;
using Carve.Storage.Dir;
using Carve.Storage.QemuImg;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The image tool and the storage drivers Carve ships, each driver keyed by its pool type, which is how
    /// <see cref="StoragePools"/> finds it.
    /// </summary>
    public static IServiceCollection AddCarveStorage(this IServiceCollection services)
    {
        services.AddSingleton<IImageTool>(sp => new QemuImgTool(sp.GetRequiredService<IProcessRunner>(), sp.GetRequiredService<CarveOptions>().QemuImg));
        services.AddKeyedSingleton<IStorageDriver, DirStorageDriver>(DirStorageDriver.TypeKey);
        services.AddSingleton(sp => new BtrfsTool(sp.GetRequiredService<IProcessRunner>()));
        services.AddKeyedSingleton<IStorageDriver, BtrfsStorageDriver>(BtrfsStorageDriver.TypeKey);
        return services;
    }
}
