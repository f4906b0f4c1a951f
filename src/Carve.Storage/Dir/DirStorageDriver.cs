using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Host.Processes;
using Carve.Storage.QemuImg;

namespace Carve.Storage.Dir;

/// <summary>A pool that is a plain directory of image files, like Proxmox's "dir" storage.</summary>
public sealed partial class DirStorageDriver(QemuImgTool qemuImg, IProcessRunner runner) : IStorageDriver
{
    public string Type => "dir";

    public void Initialize(PoolOptions pool) => Directory.CreateDirectory(pool.Path);

    public string VolumePath(PoolOptions pool, string volume)
    {
        if (volume.Length == 0 || volume.Contains('/') || volume.StartsWith('.'))
            throw new BadRequestException($"Invalid volume name '{volume}'.");
        return Path.Combine(pool.Path, volume);
    }

    public async Task CreateVolumeAsync(PoolOptions pool, string volume, long sizeBytes, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        RefuseExisting(path);
        await qemuImg.CreateAsync(path, "qcow2", sizeBytes, ct);
    }

    public async Task CopyFileVolumeAsync(PoolOptions pool, string volume, string sourcePath, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        RefuseExisting(path);
        await using var source = File.OpenRead(sourcePath);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await source.CopyToAsync(target, ct);
        await target.FlushAsync(ct);
        target.Flush(flushToDisk: true);
    }

    public async Task ImportVolumeAsync(PoolOptions pool, string volume, ImageInfo source, IProgress<int> progress, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        RefuseExisting(path);
        // Convert to a temporary name: a crash halfway never leaves a volume that looks complete.
        var partial = path + ".part";
        File.Delete(partial);
        try
        {
            await qemuImg.ConvertAsync(source.Path, source.Format, partial, "qcow2", progress, ct);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<ImageInfo> InspectSourceAsync(ImageSource source, CancellationToken ct) => qemuImg.InfoAsync(source, ct);

    public async Task ImportVolumeAsync(PoolOptions pool, string volume, ImageSource source, IProgress<int> progress, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        RefuseExisting(path);
        var partial = path + ".part";
        File.Delete(partial);
        try
        {
            await qemuImg.ConvertAsync(source, partial, "qcow2", null, progress, ct);
            File.Move(partial, path);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public async Task ExportVolumeAsync(PoolOptions pool, string volume, string targetPath, string format, IProgress<int> progress, CancellationToken ct)
    {
        // adapter_type=lsilogic: VMware's default for the SCSI controller the OVF describes; ESXi checks it.
        var (qemuFormat, options) = format switch
        {
            "vmdk-stream" => ("vmdk", "subformat=streamOptimized,adapter_type=lsilogic"),
            "vmdk" => ("vmdk", "subformat=monolithicSparse,adapter_type=lsilogic"),
            "vhdx" => ("vhdx", "subformat=dynamic"),
            "qcow2" => ("qcow2", (string?)null),
            "raw" => ("raw", null),
            _ => throw new BadRequestException($"Unknown export format '{format}'."),
        };
        if (File.Exists(targetPath))
            throw new ConflictException($"The file {targetPath} already exists; refusing to overwrite it.");
        await qemuImg.ConvertAsync(new ImageSource(VolumePath(pool, volume), "qcow2"), targetPath, qemuFormat, options, progress, ct);
    }

    public Task<string> CreateDirectoryVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        if (Directory.Exists(path) || File.Exists(path))
            throw new ConflictException($"The volume {path} already exists; refusing to overwrite it.");
        Directory.CreateDirectory(path);
        return Task.FromResult(path);
    }

    public Task ResizeVolumeAsync(PoolOptions pool, string volume, long newSizeBytes, CancellationToken ct) =>
        qemuImg.ResizeAsync(VolumePath(pool, volume), "qcow2", newSizeBytes, ct);

    public Task DeleteVolumeAsync(PoolOptions pool, string volume, CancellationToken ct)
    {
        var path = VolumePath(pool, volume);
        // A container rootfs may hold symlinks to anywhere: Directory.Delete removes links, never follows them.
        if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
            Directory.Delete(path, recursive: true);
        else
            File.Delete(path);
        File.Delete(path + ".part");
        DeleteTree(SnapshotLayout.Of(pool, volume));
        return Task.CompletedTask;
    }

    public Task<ImageInfo> InspectAsync(string path, CancellationToken ct) => qemuImg.InfoAsync(path, ct);

    public PoolUsage Usage(PoolOptions pool)
    {
        try
        {
            var drive = new DriveInfo(pool.Path);
            return new PoolUsage(drive.TotalSize, drive.AvailableFreeSpace);
        }
        catch (IOException)
        {
            return new PoolUsage(0, 0);
        }
    }

    private static void RefuseExisting(string path)
    {
        if (File.Exists(path))
            throw new ConflictException($"The volume {path} already exists; refusing to overwrite it.");
    }
}
