using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Qemu.Driver;

/// <summary>
/// The failure of a task whose VM's QEMU ended under it (kill -9, a crash, the OOM killer): said as such, not as the
/// monitor's lost connection, which would read as a bug in carved.
/// </summary>
internal static class QemuExited
{
    public static OperationFailedException During(GuestRecord guest, string what, Exception? inner = null) =>
        new($"QEMU of {guest.Describe()} exited {what} (it was killed or crashed); the VM is stopped and can be started again.", inner);
}
