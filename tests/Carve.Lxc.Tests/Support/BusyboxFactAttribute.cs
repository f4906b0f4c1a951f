namespace Carve.Lxc.Tests.Support;

/// <summary>A test that needs the host's busybox-static (test.sh installs it). Never skipped: a missing tool is a failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BusyboxFactAttribute : FactAttribute
{
}
