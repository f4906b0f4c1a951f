namespace Carve.Qemu.Qmp;

/// <summary>Names of the QMP events Carve reacts to.</summary>
public static class QmpEventNames
{
    public const string Shutdown = "SHUTDOWN";
    public const string Powerdown = "POWERDOWN";
    public const string Reset = "RESET";
    public const string Stop = "STOP";
    public const string Resume = "RESUME";
    public const string GuestPanicked = "GUEST_PANICKED";
    public const string BlockJobCompleted = "BLOCK_JOB_COMPLETED";
    public const string DeviceDeleted = "DEVICE_DELETED";
    public const string JobStatusChange = "JOB_STATUS_CHANGE";
}
