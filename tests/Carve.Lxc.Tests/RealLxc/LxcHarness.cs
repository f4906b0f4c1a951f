using Carve.Core.Networks;
using Carve.Core.State;
using Carve.Core.Tasks;
using Carve.Host.Net;
using System.Text;
using Carve.Core.Configuration;
using Carve.Core.Containers;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Host.Files;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Lxc.Driver;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Templates;
using Carve.Lxc.Tests.Support;
using Carve.Storage;
using Microsoft.Extensions.DependencyInjection;
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
        Pools = new ServiceCollection().AddSingleton(Options).AddSingleton<IProcessRunner>(Runner).AddCarveStorage()
            .AddSingleton<StoragePools>().BuildServiceProvider().GetRequiredService<StoragePools>();
        Pools.InitializeAll();
        Templates = new TemplateStore(templatesDir ?? Path.Combine(Options.DataDir, "templates"), Runner, NullLogger<TemplateStore>.Instance);
        Networking = NoNetworks(Options, Runner);
        Driver = NewDriver();
    }

    public string Root { get; }
    public CarveOptions Options { get; }
    public ProcessRunner Runner { get; } = new();
    public StoragePools Pools { get; }
    public TemplateStore Templates { get; }
    public LxcHostFacts Host { get; } = LxcHostFacts.Detect();
    public LxcDriver Driver { get; }

    /// <summary>A second driver over the same dirs: what a restarted daemon would build.</summary>
    public LxcDriver NewDriver() => new(
        Options, Pools, Runner, new ProcFs(), Templates, Host, new LxcMonitorLocator(new ProcFs()),
        new SubordinateIds(), new TraversalAccess(Runner), new Carve.Core.Resources.HostReservation(), Networking, NullLogger<LxcDriver>.Instance);

    /// <summary>Networking over an empty database: these tests give containers no NICs (the system tests do).</summary>
    public GuestNetworking Networking { get; }

    private static GuestNetworking NoNetworks(CarveOptions options, ProcessRunner runner)
    {
        var db = new Database(Path.Combine(options.DataDir, "carve.db"));
        db.Migrate();
        var store = new NetworkStore(db);
        var guests = new GuestStore(db);
        var tasks = new TaskRunner(new TaskStore(db), guests, NullLogger<TaskRunner>.Instance);
        var service = new NetworkService(store, new NetworkDrivers([]), guests, tasks, NullLogger<NetworkService>.Instance);
        return new GuestNetworking(store, service, new LinkCommands(runner));
    }

    public RecordingTaskContext Task() => new(_output);

    public GuestRecord Guest(string name, Func<CtConfig, CtConfig>? change = null)
    {
        // Random ids keep parallel runs on one host apart (LXC's cgroup names are host-wide).
        var id = Random.Shared.Next(1000, 60000);
        var config = new CtConfig { Hostname = name, Template = "busybox", Pool = "local", RootfsVolume = $"ct-{id}-rootfs", MemoryMiB = 128 };
        config = change?.Invoke(config) ?? config;
        return new GuestRecord { Id = id, Name = name, Kind = LxcDriver.CtKind, ConfigJson = config.ToJson(), CreatedAt = DateTimeOffset.UtcNow };
    }

    public async Task<GuestRecord> CreateAsync(string name, Func<CtConfig, CtConfig>? change = null)
    {
        var guest = Guest(name, change);
        _guests.Add(guest);
        await Driver.CreateAsync(guest, Task(), CancellationToken.None);
        return guest;
    }

    public async Task<GuestRecord> StartedAsync(string name, Func<CtConfig, CtConfig>? change = null)
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
            catch (Exception e)
            {
                _output.WriteLine($"cleanup of {guest.Name}: {e.Message}");
            }
        }
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
