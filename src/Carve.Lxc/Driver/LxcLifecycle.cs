using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Tasks;
using Carve.Host.Files;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Lxc.Cgroups;
using Carve.Lxc.Driver.Support;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;

namespace Carve.Lxc.Driver;

/// <summary>
/// Starts and stops containers with LXC's own tools: lxc-start -d leaves a monitor process under PID 1, so a
/// container outlives carved.
/// </summary>
public sealed class LxcLifecycle(
    CarveOptions options, LxcRuntime runtime, LxcHostAccess access, LxcConfigWriter config, GuestNetworking networking, LxcHostFacts host,
    IProcessRunner runner, ProcFs proc)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(10);
    /// <summary>lxc-stop returns once the container is STOPPED; the monitor exits a moment later.</summary>
    private static readonly TimeSpan ShutdownSettle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PowerSignalRepeat = TimeSpan.FromSeconds(5);

    public async Task StartAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Find(guest) is { } running)
            throw new ConflictException($"{guest.Describe()} is already running (init pid {running.InitPid}).");
        if (ExecutableLookup.Find("lxc-start") is null)
            throw new OperationFailedException("Containers need LXC on the host: install the Debian package lxc.");
        var spec = CtSpec.Of(guest);
        CtMountValidator.ValidateAll(spec.Mounts);
        var rootfs = runtime.RootfsPath(spec);
        if (!Directory.Exists(rootfs))
            throw new OperationFailedException($"The root file system {rootfs} of {guest.Name} is missing.");
        await access.PrepareAsync(spec, rootfs, task, ct);
        foreach (var attachment in await networking.PrepareAsync(guest.Config.Nics, ct))
            task.Log($"{NicText.Describe(attachment.Nic)}: veth into {attachment.Bridge}.");

        Directory.CreateDirectory(paths.RuntimeDir, FileModes.OwnerOnlyDirectory);
        File.Delete(paths.MonitorPidFile);
        File.Delete(paths.AppliedConfig);
        config.Write(guest.Config, paths, rootfs);
        LxcLog.Trim(paths.LxcLog, options.ConsoleLogMaxBytes);
        var result = await runner.RunAsync(new ProcessSpec("lxc-start", LxcCommands.Start(paths)) { Timeout = ToolTimeout }, ct);
        if (!result.Succeeded)
        {
            LeftoverCgroups.Remove(host.Cgroups, paths.Name);
            throw new OperationFailedException(result.TimedOut
                ? $"LXC did not start {guest.Name} within {ToolTimeout.TotalSeconds:0} s."
                : $"LXC could not start {guest.Name}: {LxcLog.LastError(paths.LxcLog) ?? result.LastErrorLine}");
        }
        var found = runtime.Find(guest)
            ?? throw new OperationFailedException($"LXC started {guest.Name} but it stopped at once; see `carve ct console {guest.Name} --log`.");
        await File.WriteAllTextAsync(paths.AppliedConfig, guest.Config.ToJson(), ct);
        task.Log($"Started {guest.Describe()}: init pid {found.InitPid}, LXC monitor pid {found.MonitorPid}.");
    }

    public async Task StopAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Find(guest) is not { } found)
        {
            task.Log($"{guest.Describe()} was not running.");
            runtime.ClearAfterExit(paths);
            return;
        }
        var result = await runner.RunAsync(new ProcessSpec("lxc-stop", LxcCommands.Kill(paths)) { Timeout = ToolTimeout }, ct);
        if (!await proc.WaitForExitAsync(found.MonitorPid, ExitGrace, ct))
        {
            // The monitor did not take the request: kill the container's init, then the monitor itself.
            task.Log($"lxc-stop did not stop the container ({result.LastErrorLine}); sending SIGKILL.");
            if (found.InitPid is { } init)
                Signals.Kill(init);
            if (!await proc.WaitForExitAsync(found.MonitorPid, ExitGrace, ct))
                Signals.Kill(found.MonitorPid);
            if (!await proc.WaitForExitAsync(found.MonitorPid, ExitGrace, ct))
                throw new OperationFailedException($"The LXC monitor (pid {found.MonitorPid}) of {guest.Name} does not exit, even after SIGKILL.");
        }
        runtime.ClearAfterExit(paths);
        task.Log($"Stopped {guest.Describe()}.");
    }

    public async Task ShutdownAsync(GuestRecord guest, TimeSpan timeout, ITaskContext task, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (runtime.Find(guest) is not { } found)
        {
            task.Log($"{guest.Describe()} was not running.");
            return;
        }
        task.Log($"Sent SIGPWR to the container's init; waiting up to {timeout.TotalSeconds:0} s for it to power off.");
        var started = DateTime.UtcNow;
        var stopping = runner.RunAsync(new ProcessSpec("lxc-stop", LxcCommands.Shutdown(paths, timeout)) { Timeout = timeout + ToolTimeout }, ct);
        // An init still starting up has no handler for SIGPWR yet, and PID 1 ignores signals it does not handle:
        // lxc-stop sends it once, so repeat it while lxc-stop waits.
        while (await Task.WhenAny(stopping, Task.Delay(PowerSignalRepeat, ct)) != stopping)
            if (runtime.Find(guest) is { InitPid: { } init })
                Signals.Send(init, Signals.SigPwr);
        var result = await stopping;
        if (await proc.WaitForExitAsync(found.MonitorPid, ShutdownSettle, ct))
        {
            runtime.ClearAfterExit(paths);
            task.Log($"{guest.Describe()} powered off.");
            return;
        }
        var waited = DateTime.UtcNow - started;
        task.Log(waited >= timeout
            ? $"The container did not power off within {timeout.TotalSeconds:0} s; stopping it hard."
            : $"lxc-stop could not ask the container to power off ({result.LastErrorLine}); stopping it hard.");
        await StopAsync(guest, task, ct);
    }
}
