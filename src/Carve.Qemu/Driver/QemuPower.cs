using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Host.Proc;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>Ends a VM's QEMU: at once through QMP's quit (SIGKILL if it will not), or by the ACPI power button.</summary>
public sealed class QemuPower(QemuRuntime runtime, ProcFs proc)
{
    private static readonly TimeSpan QuitGrace = TimeSpan.FromSeconds(10);

    public async Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Pid(guest) is not { } pid)
        {
            task.Log($"{guest.Describe()} was not running.");
            return;
        }
        // A QEMU that is frozen (SIGSTOP) or hung never answers: its stop must not wait for ever with the lock held.
        using (var answer = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            answer.CancelAfter(QuitGrace);
            try
            {
                var client = await runtime.MonitorAsync(guest, answer.Token);
                await client.QuitAsync(answer.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                task.Log($"The monitor did not answer 'quit' within {QuitGrace.TotalSeconds:0} s; killing the process.");
            }
            catch (Exception e) when (e is OperationFailedException or QmpException or IOException or QmpDisconnectedException)
            {
                task.Log($"The monitor did not take 'quit' ({e.Message}); killing the process.");
            }
        }
        if (!await proc.WaitForExitAsync(pid, QuitGrace, ct))
        {
            task.Log($"QEMU (pid {pid}) did not exit; sending SIGKILL.");
            Kill(pid);
            if (!await proc.WaitForExitAsync(pid, QuitGrace, ct))
                throw new OperationFailedException($"QEMU (pid {pid}) of {guest.Name} does not die, even after SIGKILL.");
        }
        await runtime.ClearAsync(paths);
        task.Log($"Stopped {guest.Describe()}.");
    }

    public async Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct)
    {
        if (runtime.Pid(guest) is not { } pid)
        {
            task.Log($"{guest.Describe()} was not running.");
            return;
        }
        var client = await runtime.MonitorAsync(guest, ct);
        // A guest that powers off makes QEMU send SHUTDOWN before it exits; a QEMU killed meanwhile sends nothing.
        var poweredOff = client.WaitForEventAsync(QmpEventNames.Shutdown, timeout, ct);
        using (var answer = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            answer.CancelAfter(QuitGrace < timeout ? QuitGrace : timeout);
            try
            {
                await client.SystemPowerdownAsync(answer.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Frozen or hung: it cannot power off, so it is stopped hard now; its end settles the event wait.
                task.Log("The monitor did not answer the ACPI power button; stopping the VM hard.");
                await StopAsync(guest, task, ct);
                await ((Task)poweredOff).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }
        }
        task.Log($"Sent the ACPI power button; waiting up to {timeout.TotalSeconds:0} s for the guest to power off.");
        if (await proc.WaitForExitAsync(pid, timeout, ct))
        {
            // The connection closes after every event before it is read, so this settles at once.
            await ((Task)poweredOff).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await runtime.ClearAsync(runtime.Paths(guest));
            if (!poweredOff.IsCompletedSuccessfully)
                throw QemuExited.During(guest, "before the guest powered off");
            task.Log($"{guest.Describe()} powered off.");
            return;
        }
        await ((Task)poweredOff).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        task.Log($"The guest did not power off within {timeout.TotalSeconds:0} s; stopping it hard.");
        await StopAsync(guest, task, ct);
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Gone already.
        }
    }
}
