namespace Carve.Lxc.Tests.Support;

/// <summary>A test that needs the host's busybox-static; skipped where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BusyboxFactAttribute : FactAttribute
{
    public BusyboxFactAttribute()
    {
        if (!File.Exists("/bin/busybox"))
            Skip = "/bin/busybox is not installed (Debian package busybox-static)";
    }
}
