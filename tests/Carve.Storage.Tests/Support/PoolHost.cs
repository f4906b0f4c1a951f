using Carve.Core.Configuration;
using Carve.Core.Storage;
using Carve.Host.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Storage.Tests.Support;

/// <summary>The storage services wired as carved wires them (AddCarveStorage, keyed drivers), over pools the test names.</summary>
internal sealed class PoolHost : IDisposable
{
    private readonly ServiceProvider _services;

    public PoolHost(params PoolOptions[] pools)
    {
        var options = new CarveOptions { DataDir = "/nonexistent", RunDir = "/nonexistent", Pools = pools };
        _services = new ServiceCollection()
            .AddSingleton(options)
            .AddSingleton<IProcessRunner, ProcessRunner>()
            .AddCarveStorage()
            .AddSingleton<StoragePools>()
            .BuildServiceProvider();
    }

    public StoragePools Pools => _services.GetRequiredService<StoragePools>();

    public IImageTool Images => _services.GetRequiredService<IImageTool>();

    /// <summary>A dir pool named "local" at <paramref name="path"/>, initialized.</summary>
    public static (PoolHost Host, StoragePool Pool) Dir(string path)
    {
        var host = new PoolHost(new PoolOptions { Name = "local", Type = "dir", Path = path });
        host.Pools.InitializeAll();
        return (host, host.Pools.Default);
    }

    public void Dispose() => _services.Dispose();
}
