using System.Globalization;
using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Clones;
using Carve.Core.Configuration;
using Carve.Core.Consoles;
using Carve.Core.Exports;
using Carve.Core.Guests;
using Carve.Core.HostInfo;
using Carve.Core.Networks;
using Carve.Core.Snapshots;
using Carve.Core.State;
using Carve.Core.Tasks;
using Carve.Core.Tests.Support;
using Carve.Core.Tests.Support.Fakes;
using Carve.Host.Proc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carve.Core.Tests.Orchestration;

/// <summary>
/// Core's real services, composed by AddCarveCore as the daemon composes them, over a real SQLite file in a temp
/// dir: only the kinds' driver parts are fakes (a <see cref="RecordingDriver"/> per kind, VMs with a screen,
/// containers without), with the real kinds' rules (<see cref="FakeDefinition"/>). Guests may use
/// <paramref name="guestMemoryMiB"/> of memory in all: the rest of the host's is reserved, so admission is exact.
/// The host root has no devices unless a <paramref name="sysfs"/> fixture (<see cref="SysfsFixture"/>) is copied there.
/// </summary>
internal sealed class CoreHarness : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly TempDir? _host;
    private readonly ServiceProvider _services;

    public CoreHarness(long guestMemoryMiB = 4096, string? sysfs = null)
    {
        var hostMemory = new ProcFs().ReadMemory().Total;
        _host = sysfs is null ? null : SysfsFixture.Copy(sysfs);
        Options = new CarveOptions
        {
            DataDir = _dir.Sub("data"),
            RunDir = _dir.Sub("run"),
            // Without a fixture, no devices under the host root: PCI passthrough has nothing to bind. Nothing real is touched.
            Hardware = new HardwareOptions { HostRoot = _host?.Path ?? _dir.Sub("host") },
            Reserved = new ReservedOptions { Memory = (hostMemory - (guestMemoryMiB << 20)).ToString(CultureInfo.InvariantCulture) },
        };
        Directory.CreateDirectory(Options.DataDir);
        Directory.CreateDirectory(Options.RunDir);
        Directory.CreateDirectory(Options.Hardware.HostRoot);

        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddCarveCore(Options);
        services.AddSingleton<IHypervisorFacts, NoHypervisorFacts>();
        services.AddSingleton<IBridgePorts>(Ports);
        services.AddKeyedSingleton<INetworkDriver>(Nat.Type, Nat);
        services.AddRecordingKind(GuestKind.Vm, FakeDefinition.Vm(), Vm, withDisplay: true);
        services.AddRecordingKind(GuestKind.Ct, FakeDefinition.Ct(), Ct, withDisplay: false);
        services.AddSingleton<IGuestFactory<FakeCreateRequest>, FakeGuestFactory>();
        services.AddSingleton<IGuestEditor<FakeSetRequest>, FakeGuestEditor>();
        // Not validated on build: AddCarveCore also registers services (storage pools, templates, images) whose
        // driver modules these tests leave out; they are never resolved here.
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
        Get<Database>().Migrate();
    }

    public CarveOptions Options { get; }
    public RecordingDriver Vm { get; } = new();
    public RecordingDriver Ct { get; } = new();
    public RecordingBridgePorts Ports { get; } = new();
    public RecordingNetworkDriver Nat { get; } = new("nat");

    public GuestStore Guests => Get<GuestStore>();
    public TaskRunner Tasks => Get<TaskRunner>();
    public GuestLifecycle Lifecycle => Get<GuestLifecycle>();
    public GuestCreation Creation => Get<GuestCreation>();
    public GuestEditing Editing => Get<GuestEditing>();
    public SnapshotService Snapshots => Get<SnapshotService>();
    public SnapshotStore SnapshotStore => Get<SnapshotStore>();
    public CloneService Clones => Get<CloneService>();
    public CloneLinks Links => Get<CloneLinks>();
    public GuestExports Exports => Get<GuestExports>();
    public ExportStore ExportStore => Get<ExportStore>();
    public GuestConsoles Consoles => Get<GuestConsoles>();
    public StartupRecovery Recovery => Get<StartupRecovery>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public RecordingDriver Driver(GuestKind kind) => kind == GuestKind.Ct ? Ct : Vm;

    /// <summary>A stored guest holding no lock; running (with its config applied) or a template when asked.</summary>
    public GuestRecord Guest(string name, GuestKind? kind = null, int cpus = 1, int memoryMiB = 512, bool running = false, bool template = false, IReadOnlyList<GuestNic>? nics = null)
    {
        var config = new GuestConfig { Cpus = cpus, MemoryMiB = memoryMiB, Nics = nics ?? [] };
        var guest = Guests.Insert(name, null, kind ?? GuestKind.Vm, _ => config, "tsetup");
        Guests.ReleaseLock(guest.Id, "tsetup");
        if (template)
            Links.MarkTemplate(guest.Id);
        guest = Guests.Find(guest.Id)!;
        if (running)
            Driver(guest.Kind).MarkRunning(guest);
        return guest;
    }

    /// <summary>A NAT network guests' NICs can be planned on (through <see cref="Plan"/>).</summary>
    public void NatNetwork(string name, string subnet) =>
        Get<NetworkStore>().Insert(new NetworkRecord { Name = name, Type = Nat.Type, Bridge = name, Subnet = subnet, CreatedAt = DateTimeOffset.UtcNow });

    /// <summary>NICs planned as a create request's would be: MACs of their own, an address on each NAT network.</summary>
    public IReadOnlyList<GuestNic> Plan(GuestKind kind, params string[] networks) =>
        Get<NicPlanner>().Plan(networks.Select(n => (Contracts.Vms.NicRequest?)new Contracts.Vms.NicRequest { Network = n, Model = FakeDefinition.Vm().NicModels[0] }).ToList(), kind, null);

    /// <summary>The guest as stored now.</summary>
    public GuestRecord Reread(GuestRecord guest) => Guests.Find(guest.Id) ?? throw new InvalidOperationException($"{guest.Describe()} is gone.");

    /// <summary>Waits for the task through the runner (never a sleep) and returns it as stored.</summary>
    public async Task<TaskView> Finished(TaskView task)
    {
        var done = await Tasks.WaitAsync(task.Id, TaskHarness.Patience, CancellationToken.None);
        Assert.NotNull(done);
        Assert.True(TaskStates.IsFinished(done.Status), $"task {task.Id} ({task.Type}) is still {done.Status}");
        return done;
    }

    public async Task<TaskView> Succeeded(TaskView task)
    {
        var done = await Finished(task);
        Assert.True(done.Status == TaskStates.Succeeded, $"task {task.Type} {done.Status}: {done.Error}");
        return done;
    }

    /// <summary>Waits for a task that must fail and returns its error.</summary>
    public async Task<string> Failed(TaskView task)
    {
        var done = await Finished(task);
        Assert.Equal(TaskStates.Failed, done.Status);
        return done.Error ?? "";
    }

    /// <summary>The lines the task logged.</summary>
    public IReadOnlyList<string> Log(TaskView task) => Tasks.Find(task.Id)!.Log!.Select(l => l.Text).ToList();

    public void Dispose()
    {
        _services.Dispose();
        _host?.Dispose();
        _dir.Dispose();
    }
}
