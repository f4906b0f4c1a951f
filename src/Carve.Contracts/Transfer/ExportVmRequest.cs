namespace Carve.Contracts.Transfer;

/// <summary>Body of POST /api/v1/vms/{ref}/export. The files appear under GET /api/v1/exports/{taskId} when the task ends.</summary>
public sealed record ExportVmRequest
{
    /// <summary>ova (OVF 1.0 with streamOptimized VMDKs, for ESXi/vSphere and VirtualBox), or just the disks: vmdk, vhdx, qcow2, raw.</summary>
    public string Format { get; init; } = "ova";
}
