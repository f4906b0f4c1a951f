using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Core.Vms;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    public async Task ResizeDiskAsync(GuestRecord guest, string disk, long newSizeBytes, ITaskContext task, CancellationToken ct)
    {
        var config = VmConfig.FromJson(guest.ConfigJson);
        var vmDisk = config.Disks.FirstOrDefault(d => d.Name == disk)
            ?? throw new BadRequestException($"{guest.Describe()} has no disk '{disk}'.");
        var paths = Paths(guest);
        if (locator.Find(paths) is not null)
        {
            // A running QEMU holds the image: only it may change the size, and the guest sees it at once.
            var client = await qmp.GetAsync(paths.QmpSocket, ct);
            await client.BlockResizeAsync(vmDisk.Name, newSizeBytes, ct);
            task.Log($"Grew {disk} to {Sizes.Format(newSizeBytes)} while the VM runs; the guest sees the new size now.");
            return;
        }
        var pool = pools.Get(vmDisk.Pool);
        await pool.ResizeVolumeAsync(vmDisk.Volume, newSizeBytes, ct);
        task.Log($"Grew {disk} to {Sizes.Format(newSizeBytes)}.");
    }
}
