using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    /// <summary>QEMU takes CPU and memory at start; without hotplug configured, changes wait for the next start.</summary>
    public Task<bool> ApplyLiveAsync(GuestRecord updated, ITaskContext task, CancellationToken ct) =>
        Task.FromResult(locator.Find(Paths(updated)) is null);

    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct) =>
        throw new BadRequestException($"Running commands inside {guest.Describe()} needs a guest agent; use its console instead.");
}
