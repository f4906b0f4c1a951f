using System.Text.Json;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Tasks;
using Carve.Core.Vms;
using Carve.Host.Processes;
using Carve.Qemu.Launch;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    public Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct) => LaunchAsync(guest, paused: false, task, ct);

    /// <summary>Starts QEMU; <paramref name="paused"/> keeps the vCPUs stopped until a <c>cont</c>.</summary>
    private async Task LaunchAsync(GuestRecord guest, bool paused, ITaskContext task, CancellationToken ct)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is { } running)
            throw new ConflictException($"{guest.Describe()} is already running (pid {running}).");
        var config = VmConfig.FromJson(guest.ConfigJson);
        var (accelName, note) = await accel.ResolveAsync(config.Accel, ct);
        task.Log($"Acceleration: {accelName} ({note})");

        // The spec first: it checks volumes and files, so a VM that cannot start leaves no taps behind.
        var spec = LaunchSpec(guest, config, paths, accelName);
        var taps = await PlugTapsAsync(guest, config, task, ct);
        spec = spec with
        {
            StartPaused = paused,
            Nics = config.Nics.Select((n, i) => new QemuNic(n.Name, n.Mac, n.Model, taps.TryGetValue(i, out var tap) ? "tap:" + tap : "user")).ToList(),
        };
        var argv = QemuArgvBuilder.Build(spec);
        PrepareRuntimeDir(paths);
        var result = await runner.RunAsync(new ProcessSpec(options.QemuBinary, argv) { Timeout = TimeSpan.FromSeconds(60) }, ct);
        if (!result.Succeeded)
            throw new OperationFailedException(result.TimedOut
                ? $"QEMU did not start {guest.Name} within 60 s."
                : $"QEMU refused to start {guest.Name}: {result.LastErrorLine}");

        var pid = locator.Find(paths)
            ?? throw new OperationFailedException($"QEMU started {guest.Name} but exited at once; see `carve vm console {guest.Name} --log`.");
        PinToGuestCpus(pid, task);
        await File.WriteAllTextAsync(paths.AppliedConfig, guest.ConfigJson, ct);
        await File.WriteAllTextAsync(paths.AccelFile, JsonSerializer.Serialize(new[] { accelName, note }), ct);
        var client = await qmp.GetAsync(paths.QmpSocket, ct);
        var status = await client.QueryStatusAsync(ct);
        task.Log($"Started {guest.Describe()}: pid {pid}, QEMU status {status.Status}.");
    }

    private QemuLaunchSpec LaunchSpec(GuestRecord guest, VmConfig config, QemuPaths paths, string accelName)
    {
        var disks = config.Disks.Select(d =>
        {
            var pool = pools.Get(d.Pool);
            var path = pool.VolumePath(d.Volume);
            if (!File.Exists(path))
                throw new OperationFailedException($"The volume {d.Volume} of {d.Name} is missing from pool {pool.Name} ({path}).");
            return new QemuDisk(d.Name, path, d.Format, d.Bus);
        }).ToList();
        foreach (var (what, file) in new[] { ("CD-ROM image", config.Cdrom), ("kernel", config.Kernel), ("initrd", config.Initrd) })
            if (file is not null && !File.Exists(file))
                throw new BadRequestException($"The {what} {file} of {guest.Name} no longer exists.");

        QemuFirmware? uefi = null;
        if (config.EfiVars is { } vars)
        {
            var pool = pools.Get(vars.Pool);
            var varsPath = pool.VolumePath(vars.Volume);
            uefi = new QemuFirmware(options.OvmfCode, varsPath, File.Exists(varsPath) ? VarsFormat(varsPath) : vars.Format);
        }
        return new QemuLaunchSpec
        {
            Id = guest.Id, Name = guest.Name, Uuid = config.Uuid,
            Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Accel = accelName,
            Uefi = uefi, Disks = disks, CdromPath = config.Cdrom,
            KernelPath = config.Kernel, InitrdPath = config.Initrd, Cmdline = config.Cmdline,
            Nics = config.Nics.Select(n => new QemuNic(n.Name, n.Mac, n.Model)).ToList(),
            HostPci = config.HostPci.Select(p => new QemuHostPci(p.Address, p.RomBar, p.PrimaryGpu)).ToList(),
            HostUsb = config.HostUsb.Select(HostUsb).ToList(),
            QmpSocket = paths.QmpSocket, SerialSocket = paths.SerialSocket, SerialLog = paths.SerialLog,
            VncSocket = paths.VncSocket, PidFile = paths.PidFile,
        };
    }

    /// <summary>Each NIC on a Carve network gets a fresh tap (tap{id}i{index}) on its bridge before QEMU opens it.</summary>
    private async Task<Dictionary<int, string>> PlugTapsAsync(GuestRecord guest, VmConfig config, ITaskContext task, CancellationToken ct)
    {
        var taps = new Dictionary<int, string>();
        foreach (var attachment in await networking.PrepareAsync(config.Nics, ct))
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
        Directory.CreateDirectory(paths.RuntimeDir, Host.Files.FileModes.OwnerOnlyDirectory);
        foreach (var stale in paths.RuntimeFiles)
            File.Delete(stale);
        Directory.CreateDirectory(Path.GetDirectoryName(paths.SerialLog)!);
        TrimConsoleLog(paths.SerialLog);
    }
}
