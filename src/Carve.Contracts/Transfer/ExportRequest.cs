namespace Carve.Contracts.Transfer;

/// <summary>Body of POST /api/v1/{vms|cts}/{ref}/export. The files appear under GET /api/v1/exports/{taskId} when the task ends.</summary>
public sealed record ExportRequest
{
    /// <summary>
    /// VMs: ova (OVF 1.0 with streamOptimized VMDKs, for ESXi/vSphere and VirtualBox, the default), or just the disks:
    /// vmdk, vhdx, qcow2, raw. Containers: tar.zst (the only one).
    /// </summary>
    public string? Format { get; init; }
}
