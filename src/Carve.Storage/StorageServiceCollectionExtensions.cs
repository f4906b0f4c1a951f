using Carve.Core.Configuration;
using Carve.Core.Storage;
using Carve.Host.Processes;
using Carve.Storage.Dir;
using Carve.Storage.QemuImg;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The storage drivers Carve ships, each registered as an <see cref="IStorageDriver"/>.</summary>
    public static IServiceCollection AddCarveStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new QemuImgTool(sp.GetRequiredService<IProcessRunner>(), sp.GetRequiredService<CarveOptions>().QemuImg));
        services.AddSingleton<DirStorageDriver>();
        services.AddSingleton<IStorageDriver>(sp => sp.GetRequiredService<DirStorageDriver>());
        services.AddSingleton(sp => new Btrfs.BtrfsTool(sp.GetRequiredService<IProcessRunner>()));
        services.AddSingleton<IStorageDriver, Btrfs.BtrfsStorageDriver>();
        return services;
    }
}
