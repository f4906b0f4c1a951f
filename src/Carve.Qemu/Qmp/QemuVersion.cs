namespace Carve.Qemu.Qmp;

/// <summary>The QEMU version from the QMP greeting.</summary>
/// <param name="Package">Distribution build string, e.g. "Debian 1:7.2+dfsg-7+deb12u18"; may be empty.</param>
public sealed record QemuVersion(int Major, int Minor, int Micro, string Package)
{
    public bool IsAtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    public override string ToString() => $"{Major}.{Minor}.{Micro}";
}
