using Carve.Core.Containers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    /// <summary>CPU and memory limits are cgroup settings: a running container gets them at once.</summary>
    public async Task<bool> ApplyLiveAsync(GuestRecord updated, ITaskContext task, CancellationToken ct)
    {
        var config = CtConfig.FromJson(updated.ConfigJson);
        var paths = Paths(updated);
        // The config file follows the stored config either way (lxc-* tools read it).
        var rootfs = RootfsPath(config);
        if (Directory.Exists(paths.ContainerDir))
            WriteConfig(config, paths, rootfs);
        if (locator.Find(paths) is not { InitPid: { } init })
            return true;
        var cgroup = CgroupOf(init) ?? throw new OperationFailedException($"The cgroup of {updated.Describe()} was not found.");
        cgroup.SetMemoryLimit((long)config.MemoryMiB << 20);
        cgroup.SetCpuLimit(config.Cpus);
        await File.WriteAllTextAsync(paths.AppliedConfig, updated.ConfigJson, ct);
        task.Log($"Applied {config.Cpus} CPU(s) and {config.MemoryMiB} MiB to the running {updated.Describe()}.");
        return true;
    }

    public Task ResizeDiskAsync(GuestRecord guest, string disk, long newSizeBytes, ITaskContext task, CancellationToken ct) =>
        throw new BadRequestException($"{guest.Describe()} keeps its root file system in a directory, which has no size to grow.");
}
