using Carve.Lxc.Processes;

namespace Carve.Lxc.Tests.Support;

/// <summary>
/// SLOW (about a minute the first time): builds the Debian template with debootstrap from the host's mirror,
/// cached under ${CARVE_TEST_CACHE:-/var/cache/carve-test}/debian-rootfs so that later runs take seconds.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DebootstrapFactAttribute : FactAttribute
{
    public DebootstrapFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "LXC system tests run as root";
        else if (ExecutableLookup.Find("lxc-start") is null)
            Skip = "LXC is not installed (Debian package lxc)";
        else if (ExecutableLookup.Find("debootstrap") is null)
            Skip = "debootstrap is not installed";
    }

    public static string CacheDir =>
        Path.Combine(Environment.GetEnvironmentVariable("CARVE_TEST_CACHE") is { Length: > 0 } dir ? dir : "/var/cache/carve-test", "debian-rootfs");
}
