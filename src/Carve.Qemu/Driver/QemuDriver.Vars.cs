using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Storage;
using Carve.Core.Tasks;
using Carve.Core.Vms;

namespace Carve.Qemu.Driver;

/// <summary>
/// The UEFI variable store is a qcow2 volume so that internal snapshots include it (libvirt refuses snapshots of
/// pflash VMs for want of this). Stores made raw before are converted in place; QEMU is told the format the
/// file really has, so a crash between the conversion and anything else never mislabels it.
/// </summary>
public sealed partial class QemuDriver
{
    private static readonly byte[] Qcow2Magic = [(byte)'Q', (byte)'F', (byte)'I', 0xfb];

    private static string VarsFormat(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Qcow2Magic) ? "qcow2" : "raw";
    }

    private async Task CreateVarsAsync(VmDisk vars, ITaskContext task, CancellationToken ct)
    {
        var pool = pools.Get(vars.Pool);
        if (vars.Format == "qcow2")
            await pool.ImportVolumeAsync(vars.Volume, new ImageSource(options.OvmfVars, "raw"), new Progress<int>(), ct);
        else
            await pool.CopyFileVolumeAsync(vars.Volume, options.OvmfVars, ct);
        task.Log($"Created the UEFI variable store {vars.Volume} ({vars.Format}).");
    }

    /// <summary>Converts a stopped VM's raw variable store to qcow2 in place: a temporary file, then a rename.</summary>
    private async Task ConvertRawVarsAsync(GuestRecord guest, VmConfig config, ITaskContext task, CancellationToken ct)
    {
        if (config.EfiVars is not { } vars)
            return;
        var pool = pools.Get(vars.Pool);
        var path = pool.VolumePath(vars.Volume);
        if (VarsFormat(path) == "qcow2")
            return;
        var temporary = vars.Volume + ".qcow2-part";
        await pool.DeleteVolumeAsync(temporary, ct);
        await pool.ImportVolumeAsync(temporary, new ImageSource(path, "raw"), new Progress<int>(), ct);
        File.Move(pool.VolumePath(temporary), path, overwrite: true);
        task.Log($"Converted the UEFI variable store of {guest.Describe()} to qcow2, so snapshots include it.");
    }

    private void RefuseRawVars(GuestRecord guest, VmConfig config)
    {
        if (config.EfiVars is not { } vars)
            return;
        var pool = pools.Get(vars.Pool);
        if (VarsFormat(pool.VolumePath(vars.Volume)) == "raw")
            throw new ConflictException(
                $"{guest.Describe()} keeps its UEFI variables in an older raw file that snapshots cannot include. Stop it and snapshot it once: Carve converts the file then.");
    }
}
