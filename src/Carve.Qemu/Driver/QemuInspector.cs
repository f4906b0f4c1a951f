using System.Text.Json;
using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Host.Proc;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>A VM's live state: from /proc and its runtime files for listings, and from its monitor for one VM.</summary>
public sealed class QemuInspector(QemuRuntime runtime, ProcFs proc)
{
    public GuestRuntime Inspect(GuestRecord guest)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Pid(guest) is not { } pid)
            return new GuestRuntime { Status = GuestStatus.Stopped };
        var stat = proc.ReadStat(pid);
        var io = proc.ReadIoBytes(pid);
        var (accelName, note) = ReadAccel(paths);
        return new GuestRuntime
        {
            Status = GuestStatus.Running,
            Pid = pid,
            StartedAt = proc.ReadStartTime(pid),
            CpuSeconds = stat?.CpuSeconds,
            MemoryRssBytes = proc.ReadRssBytes(pid),
            DiskReadBytes = io?.Read,
            DiskWriteBytes = io?.Write,
            Accel = accelName,
            AccelNote = note,
            AppliedConfigJson = TryRead(paths.AppliedConfig),
        };
    }

    /// <summary>
    /// How long `vm show` waits for the monitor: a QEMU that is stopped (SIGSTOP) or hung never answers, and its VM is
    /// then shown with "no answer" instead of the command hanging.
    /// </summary>
    public static readonly TimeSpan MonitorTimeout = TimeSpan.FromSeconds(3);

    public async Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct)
    {
        var state = Inspect(guest);
        if (!state.IsRunning)
            return state;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(MonitorTimeout);
        try
        {
            var client = await runtime.MonitorAsync(guest, timeout.Token);
            var status = await client.QueryStatusAsync(timeout.Token);
            var kvm = await client.QueryKvmAsync(timeout.Token);
            return state with
            {
                MonitorStatus = status.Status,
                Status = status.Running ? GuestStatus.Running : status.Status == "paused" ? GuestStatus.Paused : state.Status,
                // What QEMU itself reports wins over what was asked for.
                Accel = kvm.Enabled ? "kvm" : "tcg",
            };
        }
        catch (Exception e) when (e is OperationFailedException or QmpException or QmpDisconnectedException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return state with { MonitorStatus = null };
        }
    }

    /// <summary>Written at start: the accel QEMU runs with and why, and the config it was started with.</summary>
    public static async Task RecordAsync(QemuPaths paths, GuestRecord guest, string accel, string note, CancellationToken ct)
    {
        await File.WriteAllTextAsync(paths.AppliedConfig, guest.Config.ToJson(), ct);
        await File.WriteAllTextAsync(paths.AccelFile, JsonSerializer.Serialize([accel, note], QemuJsonContext.Default.StringArray), ct);
    }

    private static (string? Accel, string? Note) ReadAccel(QemuPaths paths)
    {
        var text = TryRead(paths.AccelFile);
        if (text is null)
            return (null, null);
        var parts = JsonSerializer.Deserialize(text, QemuJsonContext.Default.StringArray);
        return parts is { Length: 2 } ? (parts[0], parts[1]) : (null, null);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
