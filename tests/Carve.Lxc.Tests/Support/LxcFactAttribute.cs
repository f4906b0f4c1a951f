namespace Carve.Lxc.Tests.Support;

/// <summary>A system test that runs real LXC containers as root, with the lxc tools and busybox-static that test.sh installs. Never skipped: a missing tool is a failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LxcFactAttribute : FactAttribute
{
}
