using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Snapshots;
using Carve.Core.Tasks;
using Carve.Lxc.Driver;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Lxc.Tests.Support;

/// <summary>The LXC module's parts as carved resolves them, under one name each for the tests.</summary>
internal sealed class LxcParts(IServiceProvider services)
{
    public IInstanceDriver Instance { get; } = services.GetRequiredKeyedService<IInstanceDriver>(GuestKind.Ct);
    public IGuestConsole Console { get; } = services.GetRequiredKeyedService<IGuestConsole>(GuestKind.Ct);
    public IGuestSnapshots Snapshots { get; } = services.GetRequiredKeyedService<IGuestSnapshots>(GuestKind.Ct);
    public LxcProvisioner Provisioner { get; } = services.GetRequiredService<LxcProvisioner>();
    public LxcRuntime Runtime { get; } = services.GetRequiredService<LxcRuntime>();

    public LxcPaths Paths(GuestRecord guest) => Runtime.Paths(guest);
    public Task CreateAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Provisioner.CreateAsync(guest, task, ct);
    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Instance.StartAsync(guest, task, ct);
    public Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Instance.StopAsync(guest, task, ct);
    public Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct) => Instance.ShutdownAsync(guest, timeout, task, ct);
    public Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Instance.DeleteAsync(guest, task, ct);
    public Task ApplyLimitsAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Instance.ApplyLimitsAsync(guest, task, ct);
    public GuestRuntime Inspect(GuestRecord guest) => Instance.Inspect(guest);
    public Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct) => Instance.InspectDeepAsync(guest, ct);
    public Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct) => Instance.RecoverAsync(guests, ct);
    public Task<Stream> AttachConsoleAsync(GuestRecord guest, CancellationToken ct) => Console.AttachAsync(guest, ct);
    public Task<byte[]> ReadConsoleLogAsync(GuestRecord guest, CancellationToken ct) => Console.ReadLogAsync(guest, ct);

    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct) =>
        Console.ExecAsync(guest, command, environment, ct);
}
