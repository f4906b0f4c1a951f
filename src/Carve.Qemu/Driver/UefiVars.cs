using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Qemu.Guests;

namespace Carve.Qemu.Driver;

/// <summary>
/// The UEFI variable store is a qcow2 volume so that internal snapshots include it (libvirt refuses snapshots of
/// pflash VMs for want of this). Stores made raw before are converted in place; QEMU is told the format the file
/// really has, so a crash between the conversion and anything else never mislabels it.
/// </summary>
public sealed class UefiVars(StoragePools pools)
{
    private static readonly byte[] Qcow2Magic = [(byte)'Q', (byte)'F', (byte)'I', 0xfb];

    /// <summary>qcow2 or raw, by the file's magic.</summary>
    public static string FormatOf(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Qcow2Magic) ? "qcow2" : "raw";
    }

    /// <summary>The format of the VM's store as it is on disk; the stored one when the file is not there (yet).</summary>
    public string? FormatOf(VmSpec spec)
    {
        if (spec.EfiVars is not { } vars)
            return null;
        var path = pools.Get(vars.Pool).VolumePath(vars.Volume);
        return File.Exists(path) ? FormatOf(path) : vars.Format;
    }

    /// <summary>Converts a stopped VM's raw variable store to qcow2 in place: a temporary file, then a rename.</summary>
    public async Task ConvertRawAsync(GuestRecord guest, VmSpec spec, ITaskContext task, CancellationToken ct)
    {
        if (spec.EfiVars is not { } vars)
            return;
        var pool = pools.Get(vars.Pool);
        var path = pool.VolumePath(vars.Volume);
        if (FormatOf(path) == "qcow2")
            return;
        var temporary = vars.Volume + ".qcow2-part";
        await pool.DeleteVolumeAsync(temporary, ct);
        await pool.ImportVolumeAsync(temporary, new ImageSource(path, "raw"), new Progress<int>(), ct);
        File.Move(pool.VolumePath(temporary), path, overwrite: true);
        task.Log($"Converted the UEFI variable store of {guest.Describe()} to qcow2, so snapshots include it.");
    }

    /// <summary>A running VM's raw store cannot be converted under QEMU, nor snapshotted.</summary>
    public void RefuseRaw(GuestRecord guest, VmSpec spec)
    {
        if (FormatOf(spec) == "raw")
            throw new ConflictException(
                $"{guest.Describe()} keeps its UEFI variables in an older raw file that snapshots cannot include. Stop it and snapshot it once: Carve converts the file then.");
    }

    /// <summary>A copy of the store for a clone: always a full one of its own, since the firmware writes to it.</summary>
    public async Task CopyAsync(VmDisk vars, VmDisk copy, string? snapshot, CancellationToken ct)
    {
        var pool = pools.Get(vars.Pool);
        var path = pool.VolumePath(vars.Volume);
        if (FormatOf(path) == "raw")
            await pool.ImportVolumeAsync(copy.Volume, new ImageSource(path, "raw"), new Progress<int>(), ct);
        else
            await pool.CloneVolumeAsync(vars.Volume, copy.Volume, linked: false, snapshot, ct);
    }
}
