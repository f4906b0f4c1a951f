using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Resources;
using Carve.Core.Tasks;
using Carve.Host.Files;
using Carve.Host.Hardware;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Qemu.Guests;
using Carve.Qemu.Launch;

namespace Carve.Qemu.Driver;

/// <summary>
/// Starts a VM's QEMU, daemonized so that it outlives carved: the launch plan from the stored config, taps plugged
/// into their bridges, then QEMU, its threads kept off the host's reserved cores.
/// </summary>
public sealed class QemuLauncher(
    CarveOptions options, QemuRuntime runtime, VmVolumes volumes, UefiVars vars, AccelerationService accel, GuestNetworking networking,
    HostReservation reservation, IProcessRunner runner, ProcFs proc, SerialLogs logs)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts QEMU; <paramref name="paused"/> keeps the vCPUs stopped until a <c>cont</c>.</summary>
    public async Task LaunchAsync(GuestRecord guest, bool paused, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Pid(guest) is { } running)
            throw new ConflictException($"{guest.Describe()} is already running (pid {running}).");
        var spec = VmSpec.Of(guest);
        var (accelName, note) = await accel.ResolveAsync(spec.Accel, ct);
        task.Log($"Acceleration: {accelName} ({note})");

        // Volumes and files first: a VM that cannot start leaves no taps behind.
        var inputs = new VmLaunchInputs
        {
            Accel = accelName, Paths = paths, VolumePaths = volumes.ExistingPaths(guest, spec), VarsFormat = vars.FormatOf(spec),
            OvmfCode = options.OvmfCode, StartPaused = paused,
        };
        foreach (var (what, file) in new[] { ("CD-ROM image", spec.Cdrom), ("kernel", spec.Kernel), ("initrd", spec.Initrd) })
            if (file is not null && !File.Exists(file))
                throw new BadRequestException($"The {what} {file} of {guest.Name} no longer exists.");
        var argv = QemuArgvBuilder.Build(VmLaunchPlan.From(guest, inputs with { Taps = await PlugTapsAsync(guest, task, ct) }));
        PrepareRuntimeDir(paths);
        var result = await runner.RunAsync(new ProcessSpec(options.QemuBinary, argv) { Timeout = StartTimeout }, ct);
        if (!result.Succeeded)
            throw new OperationFailedException(result.TimedOut
                ? $"QEMU did not start {guest.Name} within {StartTimeout.TotalSeconds:0} s."
                : $"QEMU refused to start {guest.Name}: {result.LastErrorLine}");

        var pid = runtime.Pid(guest)
            ?? throw new OperationFailedException($"QEMU started {guest.Name} but exited at once; see `carve vm console {guest.Name} --log`.");
        PinToGuestCpus(pid, task);
        await QemuInspector.RecordAsync(paths, guest, accelName, note, ct);
        var client = await runtime.MonitorAsync(guest, ct);
        var status = await client.QueryStatusAsync(ct);
        task.Log($"Started {guest.Describe()}: pid {pid}, QEMU status {status.Status}.");
    }

    /// <summary>Each NIC on a Carve network gets a fresh tap (tap{id}i{index}) on its bridge before QEMU opens it.</summary>
    private async Task<Dictionary<int, string>> PlugTapsAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var taps = new Dictionary<int, string>();
        foreach (var attachment in await networking.PrepareAsync(guest.Config.Nics, ct))
        {
            var tap = NicNames.Tap(guest.Id, attachment.Index);
            await networking.PlugTapAsync(tap, attachment, ct);
            task.Log($"Plugged {tap} into {attachment.Bridge} for {NicText.Describe(attachment.Nic)}.");
            taps[attachment.Index] = tap;
        }
        return taps;
    }

    private void PrepareRuntimeDir(QemuPaths paths)
    {
        Directory.CreateDirectory(paths.RuntimeDir, FileModes.OwnerOnlyDirectory);
        foreach (var stale in paths.RuntimeFiles)
            File.Delete(stale);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.SerialLog)!);
        logs.Trim(paths.SerialLog);
    }

    /// <summary>
    /// Keeps every QEMU thread (vCPUs, I/O, the main loop) off the host's reserved cores. QEMU has made its vCPU
    /// threads by the time -daemonize returns, and threads made later inherit the mask of the thread making them.
    /// </summary>
    private void PinToGuestCpus(int pid, ITaskContext task)
    {
        if (!reservation.PinsGuests)
            return;
        try
        {
            CpuAffinity.PinProcess(proc, pid, reservation.GuestCpus);
        }
        catch (IOException e)
        {
            QemuPower.Kill(pid);
            throw new OperationFailedException($"Could not keep QEMU off the reserved CPUs: {e.Message}", e);
        }
        task.Log($"Pinned QEMU's threads to CPUs {CpuAffinity.FormatList(reservation.GuestCpus)} (reserved for the host: {CpuAffinity.FormatList(reservation.ReservedCpus)}).");
    }
}
