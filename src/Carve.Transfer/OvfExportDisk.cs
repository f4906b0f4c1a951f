namespace Carve.Transfer;

/// <summary>A streamOptimized VMDK of the package: its file name and size, the disk's virtual size and its Carve bus.</summary>
public sealed record OvfExportDisk(string FileName, long FileSize, long CapacityBytes, string Bus);
