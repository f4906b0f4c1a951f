namespace Carve.Lxc.Tests.Support;

/// <summary>
/// SLOW (about a minute the first time): builds the Debian template with debootstrap from the host's mirror,
/// cached under ${CARVE_TEST_CACHE:-/var/cache/carve-test}/debian-rootfs so that later runs take seconds.
/// Never skipped: a missing tool is a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DebootstrapFactAttribute : FactAttribute
{
    public static string CacheDir =>
        Path.Combine(Environment.GetEnvironmentVariable("CARVE_TEST_CACHE") is { Length: > 0 } dir ? dir : "/var/cache/carve-test", "debian-rootfs");
}
