namespace Carve.Qemu.Tests.Support;

/// <summary>A test that runs the real qemu-system-x86_64; skipped where QEMU is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QemuFactAttribute : FactAttribute
{
    public QemuFactAttribute(bool needsOvmf = false)
    {
        if (RealQemu.Find(RealQemu.SystemBinary) is null || RealQemu.Find(RealQemu.ImageBinary) is null)
            Skip = "qemu-system-x86_64 / qemu-img are not installed";
        else if (needsOvmf && !File.Exists(RealQemu.OvmfCode))
            Skip = $"{RealQemu.OvmfCode} is not installed (Debian package ovmf)";
    }
}
