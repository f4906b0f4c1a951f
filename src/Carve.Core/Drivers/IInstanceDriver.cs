using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Drivers;

/// <summary>
/// One kind of guest (QEMU VMs, LXC containers). The core runs these under the guest's lock inside a task;
/// drivers never take locks themselves.
/// </summary>
public interface IInstanceDriver
{
    /// <summary>The key stored with each guest: "vm" or "ct".</summary>
    string Kind { get; }

    /// <summary>Makes the files the driver owns for a new guest (e.g. UEFI vars); the core has made its volumes.</summary>
    Task CreateAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>Stops at once, like pulling the plug.</summary>
    Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>Asks the guest OS to power off; stops it hard after <paramref name="timeout"/>.</summary>
    Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct);

    /// <summary>Removes what the guest owns (volumes, logs, runtime files); the guest is stopped. Missing pieces are fine.</summary>
    Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct);

    /// <summary>Grows a disk; live through the guest's monitor when it runs.</summary>
    Task ResizeDiskAsync(GuestRecord guest, string disk, long newSizeBytes, ITaskContext task, CancellationToken ct);

    /// <summary>
    /// Applies a stored config change (CPUs, memory) to the running guest where the kernel allows it.
    /// Returns false when the change waits for the next start.
    /// </summary>
    Task<bool> ApplyLiveAsync(GuestRecord updated, ITaskContext task, CancellationToken ct);

    /// <summary>Runs a command inside the running guest with its stdin, stdout and stderr streamed.</summary>
    Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct);

    /// <summary>Live state, cheap enough to call for every guest of a listing.</summary>
    GuestRuntime Inspect(GuestRecord guest);

    /// <summary>Live state with what only the guest's monitor can tell (QMP status, accel in use).</summary>
    Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>A byte stream to the guest's console.</summary>
    Task<Stream> AttachConsoleAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>What the guest has written to its console so far (bounded), or empty.</summary>
    Task<byte[]> ReadConsoleLogAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>Finds guests left running by an earlier daemon and reattaches to them.</summary>
    Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct);
}
