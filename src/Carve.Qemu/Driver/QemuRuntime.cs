using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Driver;

/// <summary>A VM's QEMU as the driver's parts find it: its runtime files, its process when it runs, and its monitor.</summary>
public sealed class QemuRuntime(CarveOptions options, QemuProcessLocator locator, QmpConnections qmp)
{
    public QemuPaths Paths(GuestRecord guest) => QemuPaths.For(options, guest.Id);

    /// <summary>The pid of the VM's QEMU, or null when it does not run.</summary>
    public int? Pid(GuestRecord guest) => locator.Find(Paths(guest));

    public bool IsRunning(GuestRecord guest) => Pid(guest) is not null;

    /// <summary>The running VM's QMP monitor, shared by every caller.</summary>
    public Task<QmpClient> MonitorAsync(GuestRecord guest, CancellationToken ct) => qmp.GetAsync(Paths(guest).QmpSocket, ct);

    /// <summary>Forgets the monitor connection of a QEMU that exited and clears the files that meant something while it ran.</summary>
    public async Task ClearAsync(QemuPaths paths)
    {
        await qmp.DropAsync(paths.QmpSocket);
        if (!Directory.Exists(paths.RuntimeDir))
            return;
        foreach (var file in paths.RuntimeFiles)
            File.Delete(file);
    }
}
