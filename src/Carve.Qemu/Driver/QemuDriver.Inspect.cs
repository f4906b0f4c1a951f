using System.Text.Json;
using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    public GuestRuntime Inspect(GuestRecord guest)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is not { } pid)
            return new GuestRuntime { Status = GuestStatus.Stopped };
        var stat = proc.ReadStat(pid);
        var (accelName, note) = ReadAccel(paths);
        return new GuestRuntime
        {
            Status = GuestStatus.Running,
            Pid = pid,
            StartedAt = proc.ReadStartTime(pid),
            CpuSeconds = stat?.CpuSeconds,
            MemoryRssBytes = proc.ReadRssBytes(pid),
            Accel = accelName,
            AccelNote = note,
            AppliedConfigJson = TryRead(paths.AppliedConfig),
        };
    }

    public async Task<GuestRuntime> InspectDeepAsync(GuestRecord guest, CancellationToken ct)
    {
        var runtime = Inspect(guest);
        if (!runtime.IsRunning)
            return runtime;
        try
        {
            var client = await qmp.GetAsync(Paths(guest).QmpSocket, ct);
            var status = await client.QueryStatusAsync(ct);
            var kvm = await client.QueryKvmAsync(ct);
            return runtime with
            {
                MonitorStatus = status.Status,
                Status = status.Running ? GuestStatus.Running : status.Status == "paused" ? GuestStatus.Paused : runtime.Status,
                // What QEMU itself reports wins over what was asked for.
                Accel = kvm.Enabled ? "kvm" : "tcg",
            };
        }
        catch (Exception e) when (e is OperationFailedException or QmpException or QmpDisconnectedException or IOException)
        {
            return runtime with { MonitorStatus = null };
        }
    }

    private static (string? Accel, string? Note) ReadAccel(QemuPaths paths)
    {
        var text = TryRead(paths.AccelFile);
        if (text is null)
            return (null, null);
        var parts = JsonSerializer.Deserialize<string[]>(text);
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
