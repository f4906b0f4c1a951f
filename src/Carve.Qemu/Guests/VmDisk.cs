namespace Carve.Qemu.Guests;

/// <summary>A disk of a VM: a volume in a pool. <see cref="Name"/> is stable: disk0, disk1, ...</summary>
public sealed record VmDisk(string Name, string Pool, string Volume, string Format = "qcow2", string Bus = "virtio")
{
    /// <summary>The name of the UEFI variable store among a VM's volumes.</summary>
    public const string EfiVarsName = "efivars";
}
