namespace Carve.Transfer;

/// <summary>
/// A disk of the OVF's VM, in boot order, with the bus Carve gives it (sata, ide or virtio). A disk with no
/// file is a blank one of <see cref="CapacityBytes"/>, as VMware writes for disks to be created at deployment.
/// </summary>
public sealed record OvfDisk(OvfFile? File, long? CapacityBytes, string Bus, string? FormatUri);
