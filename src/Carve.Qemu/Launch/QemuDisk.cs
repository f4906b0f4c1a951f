namespace Carve.Qemu.Launch;

/// <summary>A disk image attached to the VM.</summary>
/// <param name="Id">Names both the drive (for block_resize and query-block) and the guest device (for device_del).</param>
/// <param name="Format">qcow2, raw, ... as qemu-img names it.</param>
/// <param name="Bus">virtio, sata or ide.</param>
public sealed record QemuDisk(string Id, string Path, string Format = "qcow2", string Bus = "virtio");
