using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// A guest driver for unit tests of admission and passthrough bookkeeping: it only answers whether a guest runs
/// (the ids in <see cref="Running"/>); anything that would touch a real guest is refused.
/// </summary>
internal sealed class RunningSetDriver : IInstanceDriver
{
    public HashSet<int> Running { get; } = [];

    public GuestRuntime Inspect(GuestRecord guest) =>
        Running.Contains(guest.Id) ? new GuestRuntime { Status = "running", Pid = 4242 } : new GuestRuntime { Status = "stopped" };

    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Refuse();
    public Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Refuse();
    public Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct) => Refuse();
    public Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => Refuse();
    public Task ApplyLimitsAsync(GuestRecord updated, ITaskContext task, CancellationToken ct) => Refuse();
    public Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct) => Task.FromResult(Inspect(guest));
    public Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct) => Task.CompletedTask;

    private static Task Refuse() => throw new InvalidOperationException("This test driver only reports which guests run.");

    private static Task<T> Refuse<T>() => throw new InvalidOperationException("This test driver only reports which guests run.");
}
