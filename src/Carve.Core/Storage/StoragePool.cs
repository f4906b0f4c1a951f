using Carve.Contracts.Host;
using Carve.Core.Configuration;

namespace Carve.Core.Storage;

/// <summary>
/// One configured pool bound to its type's <see cref="IStorageDriver"/> and to the <see cref="IImageTool"/>, so
/// callers name volumes only. A file volume (a VM disk) is format work the image tool does in place, the same in
/// every pool; a directory volume (a container's root filesystem) is the driver's, which knows how to copy a tree
/// cheaply on its filesystem. Got from <see cref="StoragePools.Get"/>.
/// </summary>
public sealed partial class StoragePool(PoolOptions options, IStorageDriver driver, IImageTool images, bool isDefault)
{
    /// <summary>The name a file volume is written under until it is complete.</summary>
    private const string PartSuffix = ".part";

    public string Name => options.Name;

    public string Type => options.Type;

    public string Path => options.Path;

    public bool IsDefault => isDefault;

    /// <summary>Makes sure the pool exists and is usable.</summary>
    public void Initialize() => driver.Initialize(options);

    public PoolUsage Usage() => driver.Usage(options);

    public PoolView Describe()
    {
        var usage = Usage();
        return new PoolView
        {
            Name = Name, Type = Type, Path = Path, Default = IsDefault,
            TotalBytes = usage.TotalBytes, AvailableBytes = usage.AvailableBytes,
        };
    }

    /// <summary>Where a volume lives; refuses names that could leave the pool.</summary>
    public string VolumePath(string volume) => driver.VolumePath(options, volume);
}
