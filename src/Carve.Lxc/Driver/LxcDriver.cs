using Carve.Core.Configuration;
using Carve.Core.Containers;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Carve.Lxc.Cgroups;
using Carve.Lxc.HostSetup;
using Carve.Lxc.Rootfs;
using Carve.Lxc.Templates;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc.Driver;

/// <summary>
/// Containers run by LXC's own tools: lxc-start -d leaves a monitor process under PID 1, so containers outlive
/// carved, and every daemon keeps its containers in its own lxcpath ({DataDir}/lxc).
/// </summary>
public sealed partial class LxcDriver(
    CarveOptions options,
    StoragePools pools,
    IProcessRunner runner,
    ProcFs proc,
    TemplateStore templates,
    LxcHostFacts host,
    LxcMonitorLocator locator,
    SubordinateIds subordinateIds,
    TraversalAccess traversal,
    Core.Resources.HostReservation reservation,
    GuestNetworking networking,
    ILogger<LxcDriver> logger) : IInstanceDriver
{
    public const string CtKind = "ct";

    public string Kind => CtKind;

    public TemplateStore Templates => templates;

    public async Task CreateAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var config = CtConfig.FromJson(guest.ConfigJson);
        CtMountValidator.ValidateAll(config.Mounts);
        var paths = Paths(guest);
        var pool = pools.Get(config.Pool);
        var rootfs = await pool.CreateDirectoryVolumeAsync(config.RootfsVolume, ct);
        task.Log($"Created the root file system volume {config.RootfsVolume} in pool {pool.Name}.");
        task.Progress(5);
        try
        {
            var mapping = Mapping(config);
            await templates.PopulateAsync(config.Template, rootfs, mapping, task, ct);
            task.Progress(90);
            RootfsFiles.WriteHostname(rootfs, config.Hostname, mapping?.ToHost(0) ?? 0);
            await PrepareHostAsync(config, rootfs, task, ct);
            WriteConfig(config, paths, rootfs);
            task.Log($"Wrote the LXC config {paths.ConfigFile}.");
        }
        catch
        {
            await pool.DeleteVolumeAsync(config.RootfsVolume, CancellationToken.None);
            DeleteDirectory(paths.ContainerDir);
            throw;
        }
    }

    public async Task DeleteAsync(GuestRecord guest, ITaskContext task, CancellationToken ct)
    {
        var config = CtConfig.FromJson(guest.ConfigJson);
        var paths = Paths(guest);
        if (locator.Find(paths) is not null)
            await StopAsync(guest, task, ct);
        var pool = pools.Get(config.Pool);
        await pool.DeleteVolumeAsync(config.RootfsVolume, ct);
        task.Log($"Deleted the root file system volume {config.RootfsVolume} from pool {pool.Name}.");
        DeleteDirectory(paths.ContainerDir);
        DeleteDirectory(paths.LogDir);
        DeleteDirectory(paths.RuntimeDir);
        LeftoverCgroups.Remove(host.Cgroups, paths.Name);
    }

    public LxcPaths Paths(GuestRecord guest) => LxcPaths.For(options, guest.Id);

    private static IdMapping? Mapping(CtConfig config) => config.Privileged ? null : new IdMapping(config.IdMapStart, config.IdMapCount);

    private string RootfsPath(CtConfig config)
    {
        var pool = pools.Get(config.Pool);
        return pool.VolumePath(config.RootfsVolume);
    }

    /// <summary>Unprivileged only: the id range delegated to root, and a way down to the rootfs for the container's root.</summary>
    private async Task PrepareHostAsync(CtConfig config, string rootfs, ITaskContext task, CancellationToken ct)
    {
        if (config.Privileged)
            return;
        foreach (var file in subordinateIds.EnsureDelegated(config.IdMapStart, config.IdMapCount))
            task.Log($"Delegated ids {config.IdMapStart}-{config.IdMapStart + config.IdMapCount - 1} to root in {file}.");
        foreach (var dir in await traversal.GrantAsync(rootfs, config.IdMapStart, ct))
            task.Log($"Let host uid {config.IdMapStart} search {dir} (ACL) so the container can reach its root file system.");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Found {Guest} still running: monitor pid {Monitor}, init pid {Init}")]
    private partial void LogRecovered(string guest, int monitor, int? init);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Path}")]
    private partial void LogCleanupFailed(string path, Exception exception);
}
