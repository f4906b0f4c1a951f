using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The life of a guest: calls are recorded, and starts and stops change which guests run.</summary>
internal sealed partial class RecordingDriver : IInstanceDriver
{
    public async Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"start {guest.Name}");
        SetRunning(guest, true);
    }

    public async Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"stop {guest.Name}");
        SetRunning(guest, false);
    }

    public async Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"shutdown {guest.Name} within {timeout.TotalSeconds:0}s");
        SetRunning(guest, false);
    }

    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        await PerformAsync($"delete {guest.Name}");
        SetRunning(guest, false);
    }

    public Task ApplyLimitsAsync(GuestRecord updated, ITaskContext task, CancellationToken ct) =>
        PerformAsync($"limits {updated.Name} {updated.Config.Cpus} cpus {updated.Config.MemoryMiB} MiB");

    public GuestRuntime Inspect(GuestRecord guest) => Runtime(guest);

    public Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct) => Task.FromResult(Runtime(guest));

    public Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct) =>
        PerformAsync(string.Join(" ", ["recover", .. guests.Select(g => g.Name)]));
}
