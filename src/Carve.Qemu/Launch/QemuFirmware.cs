namespace Carve.Qemu.Launch;

/// <summary>UEFI firmware: the shared read-only code image and this VM's own writable copy of the variable store.</summary>
public sealed record QemuFirmware(string CodePath, string VarsPath);
