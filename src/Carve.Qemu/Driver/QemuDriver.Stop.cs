using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(10);

    public async Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var paths = Paths(guest);
        var pid = locator.Find(paths);
        if (pid is null)
        {
            task.Log($"{guest.Describe()} was not running.");
            return;
        }
        try
        {
            var client = await qmp.GetAsync(paths.QmpSocket, ct);
            await client.QuitAsync(ct);
        }
        catch (Exception e) when (e is OperationFailedException or QmpException or IOException or QmpDisconnectedException)
        {
            task.Log($"The monitor did not take 'quit' ({e.Message}); killing the process.");
        }
        if (!await proc.WaitForExitAsync(pid.Value, QuitGrace, ct))
        {
            task.Log($"QEMU (pid {pid}) did not exit; sending SIGKILL.");
            Kill(pid.Value);
            if (!await proc.WaitForExitAsync(pid.Value, QuitGrace, ct))
                throw new OperationFailedException($"QEMU (pid {pid}) of {guest.Name} does not die, even after SIGKILL.");
        }
        await CleanUpAfterExitAsync(paths);
        task.Log($"Stopped {guest.Describe()}.");
    }

    public async Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is not { } pid)
        {
            task.Log($"{guest.Describe()} was not running.");
            return;
        }
        var client = await qmp.GetAsync(paths.QmpSocket, ct);
        await client.SystemPowerdownAsync(ct);
        task.Log($"Sent the ACPI power button; waiting up to {timeout.TotalSeconds:0} s for the guest to power off.");
        if (await proc.WaitForExitAsync(pid, timeout, ct))
        {
            await CleanUpAfterExitAsync(paths);
            task.Log($"{guest.Describe()} powered off.");
            return;
        }
        task.Log($"The guest did not power off within {timeout.TotalSeconds:0} s; stopping it hard.");
        await StopAsync(guest, task, ct);
    }

    private async Task CleanUpAfterExitAsync(QemuPaths paths)
    {
        await qmp.DropAsync(paths.QmpSocket);
        foreach (var file in paths.RuntimeFiles)
            File.Delete(file);
    }

    private static void Kill(int pid)
    {
        try
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Gone already.
        }
    }
}
