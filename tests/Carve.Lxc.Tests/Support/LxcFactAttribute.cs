using Carve.Lxc.Processes;

namespace Carve.Lxc.Tests.Support;

/// <summary>A system test that runs real LXC containers: needs root, the lxc tools and busybox-static.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LxcFactAttribute : FactAttribute
{
    public LxcFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "LXC system tests run as root";
        else if (ExecutableLookup.Find("lxc-start") is null)
            Skip = "LXC is not installed (Debian package lxc)";
        else if (!File.Exists("/bin/busybox"))
            Skip = "/bin/busybox is not installed (Debian package busybox-static)";
    }
}
