namespace Carve.Qemu.Launch;

/// <summary>A network card.</summary>
/// <param name="Id">Names both the netdev and the guest device.</param>
/// <param name="Mac">aa:bb:cc:dd:ee:ff.</param>
/// <param name="Model">virtio or e1000.</param>
/// <param name="Backend">"user" (QEMU's slirp NAT) or "tap:IFNAME" (an existing tap device, e.g. on a bridge).</param>
public sealed record QemuNic(string Id, string Mac, string Model = "virtio", string Backend = "user");
