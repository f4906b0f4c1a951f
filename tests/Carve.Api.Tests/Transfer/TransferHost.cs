using Carve.Contracts.Tasks;
using Carve.Contracts.Transfer;
using Carve.Core;
using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Core.State;
using Carve.Core.Storage;
using Carve.Core.Commands;
using Carve.Core.Exports;
using Carve.Core.Networks;
using Carve.Core.Tasks;
using Carve.Host.Processes;
using Carve.Lxc;
using Carve.Network;
using Carve.Qemu;
using Carve.Qemu.Guests;
using Carve.Storage;
using Carve.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Carve.Api.Tests.Transfer;

/// <summary>
/// The daemon's services without its web host (core, dir storage, QEMU driver, transfer), on dirs of their own,
/// with the real qemu-img: import and export are tested where they live, whatever the API wiring.
/// </summary>
public sealed class TransferHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TransferHost(string root, string pool, ServiceProvider services)
    {
        Root = root;
        Pool = pool;
        _services = services;
    }

    public string Root { get; }
    public string Images => Path.Combine(Root, "images");
    public string Pool { get; }
    public GuestCreation Creation => _services.GetRequiredService<GuestCreation>();
    public GuestExports Exports => _services.GetRequiredService<GuestExports>();
    public ExportStore ExportStore => _services.GetRequiredService<ExportStore>();
    public GuestStore Guests => _services.GetRequiredService<GuestStore>();

    /// <summary>With <paramref name="poolPath"/>, the "local" pool lives there (a small tmpfs, say) instead of in the data dir.</summary>
    public static async Task<TransferHost> StartAsync(string? poolPath = null)
    {
        var root = Path.Combine("/tmp", $"carve-tx-{Guid.NewGuid():N}"[..18]);
        var pool = poolPath ?? Path.Combine(root, "data", "pools", "local");
        var options = new CarveOptions
        {
            DataDir = Path.Combine(root, "data"),
            RunDir = Path.Combine(root, "run"),
            Listen = "none",
            ImageRoots = [Path.Combine(root, "images")],
            Pools = [new PoolOptions { Name = "local", Path = pool }],
        };
        Directory.CreateDirectory(options.RunDir);
        Directory.CreateDirectory(options.ImagesDir);
        Directory.CreateDirectory(options.LogsDir);
        Directory.CreateDirectory(options.ImageRoots[0]);
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddCarveCore(options)
            .AddCarveStorage()
            .AddCarveNetwork()
            .AddCarveQemu("7.2")
            .AddCarveLxc()
            .AddCarveTransfer()
            .BuildServiceProvider();
        await services.GetRequiredService<StartupRecovery>().RunAsync(CancellationToken.None);
        services.GetRequiredService<StoragePools>().InitializeAll();
        return new TransferHost(root, pool, services);
    }

    /// <summary>Imports and waits; returns the finished task (succeeded or failed).</summary>
    public async Task<TaskView> ImportAsync(string path, string name, Func<ImportVmRequest, ImportVmRequest>? change = null)
    {
        var request = new ImportVmRequest { Path = path, Name = name };
        return await WaitAsync(await Creation.SubmitAsync(new CreateGuestCommand<ImportVmRequest>(change is null ? request : change(request), "tester"), CancellationToken.None));
    }

    public async Task<TaskView> ExportAsync(string vm, string format) =>
        await WaitAsync(Exports.Submit(new ExportGuestCommand(vm, Carve.Contracts.Guests.GuestKind.Vm, format, "tester")));

    public async Task<TaskView> WaitAsync(TaskView task)
    {
        var done = await _services.GetRequiredService<TaskRunner>().WaitAsync(task.Id, TimeSpan.FromMinutes(3), CancellationToken.None);
        Assert.NotNull(done);
        Assert.True(TaskStates.IsFinished(done.Status), $"task {task.Id} is still {done.Status}");
        return done;
    }

    public static void Succeeded(TaskView task) =>
        Assert.True(task.Status == TaskStates.Succeeded, $"task {task.Id} {task.Status}: {task.Error}\n{string.Join("\n", task.Log?.Select(l => l.Text) ?? [])}");

    public StoredVm Config(string vm) => new(Guests.FindByName(vm)!.Config);

    public string VolumePath(VmDisk disk) => Path.Combine(Pool, disk.Volume);

    /// <summary>Files left in the pool: after a failed import there must be none.</summary>
    public IReadOnlyList<string> PoolEntries() => Directory.EnumerateFileSystemEntries(Pool).Select(Path.GetFileName).OfType<string>().ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs qemu-img and returns its stdout, failing the test when it fails.</summary>
    public static async Task<string> QemuImgAsync(params string[] args)
    {
        var result = await new ProcessRunner().RunAsync(new ProcessSpec("qemu-img", args) { Timeout = TimeSpan.FromMinutes(2) }, CancellationToken.None);
        Assert.True(result.Succeeded, $"qemu-img {string.Join(' ', args)} failed: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>qemu-img compare: the two images hold the same guest-visible bytes.</summary>
    public static async Task AssertSameContentAsync(string a, string aFormat, string b, string bFormat) =>
        Assert.Contains("Images are identical", await QemuImgAsync("compare", "-f", aFormat, "-F", bFormat, a, b));
}

/// <summary>A VM's stored config, common and VM-specific parts side by side, as the tests read it.</summary>
public sealed record StoredVm(GuestConfig Common)
{
    public VmSpec Spec { get; } = VmSpec.Of(Common);
    public int Cpus => Common.Cpus;
    public int MemoryMiB => Common.MemoryMiB;
    public IReadOnlyList<GuestNic> Nics => Common.Nics;
    public string Firmware => Spec.Firmware;
    public IReadOnlyList<VmDisk> Disks => Spec.Disks;
    public VmDisk? EfiVars => Spec.EfiVars;
}
