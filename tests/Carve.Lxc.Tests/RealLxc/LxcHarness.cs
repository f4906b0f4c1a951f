using System.Security.Cryptography;
using System.Text;
using Carve.Contracts.Guests;
using Carve.Core;
using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Core.State;
using Carve.Core.Storage;
using Carve.Host.Files;
using Carve.Host.Processes;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;
using Carve.Network;
using Carve.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

/// <summary>
/// A driver wired the way carved wires it (a 0700 data dir, a dir pool, a run dir), without the daemon.
/// Whatever a test created is stopped and deleted on dispose.
/// </summary>
internal sealed class LxcHarness : IAsyncDisposable
{
    private readonly List<GuestRecord> _guests = [];
    private readonly ITestOutputHelper _output;

    public LxcHarness(ITestOutputHelper output, string? templatesDir = null)
    {
        _output = output;
        Root = Path.Combine("/tmp", $"carve-lxc-{Guid.NewGuid():N}"[..18]);
        Directory.CreateDirectory(Root);
        Options = new CarveOptions { DataDir = Path.Combine(Root, "data"), RunDir = Path.Combine(Root, "run") };
        Directory.CreateDirectory(Options.DataDir, FileModes.OwnerOnlyDirectory);
        Directory.CreateDirectory(Options.RunDir, FileModes.OwnerOnlyDirectory);
        _templatesDir = templatesDir ?? Path.Combine(Options.DataDir, "templates");
        var services = Compose();
        services.GetRequiredService<Database>().Migrate();
        Pools = services.GetRequiredService<StoragePools>();
        Pools.InitializeAll();
        Templates = services.GetRequiredService<TemplateStore>();
        Driver = new LxcParts(services);
    }

    private readonly string _templatesDir;
    private readonly List<ServiceProvider> _providers = [];

    public string Root { get; }
    public CarveOptions Options { get; }
    public ProcessRunner Runner { get; } = new();
    public StoragePools Pools { get; }
    public TemplateStore Templates { get; }
    public LxcHostFacts Host { get; } = LxcHostFacts.Detect();
    public LxcParts Driver { get; }

    /// <summary>A second set of the module's parts over the same dirs: what a restarted daemon would build.</summary>
    public LxcParts NewDriver() => new(Compose());

    /// <summary>
    /// The core, dir storage, networks and the LXC module over this harness's dirs, as carved composes them. These tests
    /// give containers no NICs (the system tests do), so no network ever exists.
    /// </summary>
    private ServiceProvider Compose()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCarveCore(Options with { TemplatesDir = _templatesDir }).AddCarveStorage().AddCarveNetwork().AddCarveLxc();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    public RecordingTaskContext Task() => new(_output);

    public GuestRecord Guest(string name, Func<CtSetup, CtSetup>? change = null)
    {
        // Random ids keep parallel runs on one host apart (LXC's cgroup names are host-wide).
        var id = RandomNumberGenerator.GetInt32(1000, 60000);
        var setup = new CtSetup { Hostname = name, RootfsVolume = $"ct-{id}-rootfs" };
        setup = change?.Invoke(setup) ?? setup;
        return new GuestRecord { Id = id, Name = name, Kind = GuestKind.Ct, Config = setup.ToConfig(), CreatedAt = DateTimeOffset.UtcNow };
    }

    public async Task<GuestRecord> CreateAsync(string name, Func<CtSetup, CtSetup>? change = null)
    {
        var guest = Guest(name, change);
        _guests.Add(guest);
        await Driver.CreateAsync(guest, Task(), CancellationToken.None);
        return guest;
    }

    public async Task<GuestRecord> StartedAsync(string name, Func<CtSetup, CtSetup>? change = null)
    {
        var guest = await CreateAsync(name, change);
        await Driver.StartAsync(guest, Task(), CancellationToken.None);
        return guest;
    }

    public async Task<ExecResult> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var process = await Driver.ExecAsync(guest, command, environment, CancellationToken.None);
        var stdout = new StreamReader(process.Stdout).ReadToEndAsync();
        var stderr = new StreamReader(process.Stderr).ReadToEndAsync();
        if (stdin is not null)
            await process.Stdin.WriteAsync(Encoding.UTF8.GetBytes(stdin));
        await process.Stdin.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await process.WaitForExitAsync(timeout.Token);
        return new ExecResult(code, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var guest in _guests)
        {
            try
            {
                await Driver.StopAsync(guest, Task(), CancellationToken.None);
                await Driver.DeleteAsync(guest, Task(), CancellationToken.None);
            }
#pragma warning disable CA1031 // best-effort teardown: one guest's failed cleanup must not keep the others'
            catch (Exception e)
#pragma warning restore CA1031
            {
                _output.WriteLine($"cleanup of {guest.Name}: {e.Message}");
            }
        }
        foreach (var provider in _providers)
            await provider.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
