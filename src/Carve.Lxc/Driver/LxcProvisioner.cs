using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Lxc.Cgroups;
using Carve.Lxc.Guests;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Templates;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc.Driver;

/// <summary>
/// Makes a container's root file system from its template and writes its LXC config; removes both again. Every
/// daemon keeps its containers in its own lxcpath ({DataDir}/lxc).
/// </summary>
public sealed partial class LxcProvisioner(
    LxcRuntime runtime, StoragePools pools, TemplateStore templates, LxcHostAccess access, LxcConfigWriter config, LxcHostFacts host,
    Host.Proc.ProcFs proc, ILogger<LxcProvisioner> logger)
{
    public async Task CreateAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var spec = CtSpec.Of(guest);
        CtMountValidator.ValidateAll(spec.Mounts);
        var paths = runtime.Paths(guest);
        var pool = pools.Get(spec.Pool);
        var rootfs = await pool.CreateDirectoryVolumeAsync(spec.RootfsVolume, ct);
        task.Log($"Created the root file system volume {spec.RootfsVolume} in pool {pool.Name}.");
        task.Progress(5);
        try
        {
            var mapping = LxcHostAccess.Mapping(spec);
            await templates.PopulateAsync(spec.Template, rootfs, mapping, task, ct);
            task.Progress(90);
            RootfsFiles.WriteHostname(rootfs, spec.Hostname, mapping?.ToHost(0) ?? 0);
            await access.PrepareAsync(spec, rootfs, task, ct);
            config.Write(guest.Config, paths, rootfs);
            task.Log($"Wrote the LXC config {paths.ConfigFile}.");
        }
        catch (Exception e)
        {
            await pool.DeleteVolumeAsync(spec.RootfsVolume, CancellationToken.None);
            DeleteDirectory(paths.ContainerDir);
            if (pool.FullError(e, $"the root file system of {guest.Name}") is { } full)
                throw full;
            throw;
        }
    }

    /// <summary>Removes the container's rootfs, LXC dir, logs and runtime files; the container is stopped.</summary>
    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var spec = CtSpec.Of(guest);
        var paths = runtime.Paths(guest);
        var pool = pools.Get(spec.Pool);
        await StopLeftoverWritersAsync(pool.VolumePath(spec.RootfsVolume), task, ct);
        await pool.DeleteVolumeAsync(spec.RootfsVolume, ct);
        task.Log($"Deleted the root file system volume {spec.RootfsVolume} from pool {spec.Pool}.");
        DeleteDirectory(paths.ContainerDir);
        DeleteDirectory(paths.LogDir);
        DeleteDirectory(paths.RuntimeDir);
        LeftoverCgroups.Remove(host.Cgroups, paths.Name);
    }

    /// <summary>
    /// A carved killed while it made this rootfs leaves its template copy (cp -a) running: it would go on writing while
    /// the rootfs is deleted ("Directory not empty") and keep the half-made container locked. Nothing else runs with
    /// the rootfs in its arguments once the container is stopped.
    /// </summary>
    private async Task StopLeftoverWritersAsync(string rootfs, ITaskContext task, CancellationToken ct)
    {
        foreach (var pid in proc.FindWithArgumentUnder(rootfs))
        {
            task.Log($"Stopping process {pid}, left writing into {rootfs} by an earlier carved.");
            Support.Signals.Kill(pid);
            await proc.WaitForExitAsync(pid, TimeSpan.FromSeconds(10), ct);
        }
    }

    private void DeleteDirectory(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogCleanupFailed(dir, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Path}")]
    private partial void LogCleanupFailed(string path, Exception exception);
}
