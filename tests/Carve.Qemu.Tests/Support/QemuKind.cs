using Carve.Core;
using Carve.Core.Configuration;
using Carve.Core.State;
using Carve.Qemu;
using Carve.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Qemu.Tests.Support;

/// <summary>
/// The VM kind as the daemon composes it (core, dir storage, the QEMU module) on a real SQLite file in its own
/// dirs, for tests of what the QEMU module registers; nothing here starts QEMU.
/// </summary>
internal sealed class QemuKind : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public QemuKind()
    {
        Options = new CarveOptions
        {
            DataDir = Dir.File("data"), RunDir = Dir.File("run"), ImageRoots = [Dir.File("images")],
        };
        Directory.CreateDirectory(Dir.File("images"));
        Directory.CreateDirectory(Options.DataDir);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCarveCore(Options).AddCarveStorage().AddCarveQemu(qemuVersion: null);
        _services = services.BuildServiceProvider();
        Get<Database>().Migrate();
    }

    public TempDirectory Dir { get; } = new();

    public CarveOptions Options { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Writes a file under the allowed image directory and returns its path.</summary>
    public string Image(string name)
    {
        var path = Path.Combine(Dir.File("images"), name);
        File.WriteAllText(path, "");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Dir.Dispose();
    }
}
