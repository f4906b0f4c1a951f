namespace Carve.Core.Storage;

/// <summary>
/// Format work on image files, the same whatever pool they sit in (qemu-img does it): paths in, images out.
/// Every image Carve writes is sparse where its format allows, and every source is read in a named format.
/// </summary>
public interface IImageTool
{
    /// <summary>An empty qcow2 image of the given virtual size.</summary>
    Task CreateAsync(string path, long sizeBytes, CancellationToken ct);

    /// <summary>What qemu-img says about an image, its format probed: for Carve's own volumes and trusted files.</summary>
    Task<ImageInfo> InspectAsync(string path, CancellationToken ct);

    /// <summary>
    /// What qemu-img says about an image to import, read in its named format. Refuses an image that refers to
    /// any other file (a backing file, an external data file): importing it would read files nobody named.
    /// </summary>
    Task<ImageInfo> InspectSourceAsync(ImageSource source, CancellationToken ct);

    /// <summary>Converts a source (a file or a byte range of one) into a new qcow2 image, keeping it sparse.</summary>
    Task ConvertAsync(ImageSource source, string targetPath, IProgress<int> progress, CancellationToken ct);

    /// <summary>
    /// Writes a copy of a qcow2 image to <paramref name="targetPath"/> (a new file), sparse where the format allows:
    /// vmdk-stream (streamOptimized, for OVA), vmdk (monolithicSparse), vhdx, qcow2 or raw.
    /// </summary>
    Task ExportAsync(string path, string targetPath, string format, IProgress<int> progress, CancellationToken ct);

    /// <summary>Changes the virtual size of a qcow2 image that no running VM holds.</summary>
    Task ResizeAsync(string path, long newSizeBytes, CancellationToken ct);

    /// <summary>An internal snapshot of a qcow2 image (the VM must be stopped: a running QEMU owns its images).</summary>
    Task CreateSnapshotAsync(string path, string snapshot, CancellationToken ct);

    /// <summary>Returns a qcow2 image to one of its internal snapshots; the snapshot stays.</summary>
    Task RevertSnapshotAsync(string path, string snapshot, CancellationToken ct);

    /// <summary>Drops an internal snapshot; a missing one is fine, so an interrupted delete can be run again.</summary>
    Task DeleteSnapshotAsync(string path, string snapshot, CancellationToken ct);

    Task<bool> HasSnapshotAsync(string path, string snapshot, CancellationToken ct);

    /// <summary>A thin qcow2 whose unwritten clusters read from <paramref name="backingPath"/> (a linked clone).</summary>
    Task CreateOverlayAsync(string path, string backingPath, CancellationToken ct);

    /// <summary>A standalone qcow2 copy of an image as it was at an internal snapshot (or as it is now, when null).</summary>
    Task CopyAsync(string sourcePath, string targetPath, string? snapshot, CancellationToken ct);
}
