namespace Carve.Qemu.Launch;

/// <summary>UEFI firmware: the shared read-only code image and this VM's own writable copy of the variable store.</summary>
/// <param name="VarsFormat">qcow2 lets internal snapshots include the variable store; raw for stores made before that.</param>
public sealed record QemuFirmware(string CodePath, string VarsPath, string VarsFormat = "raw");
