namespace Carve.Qemu.Tests.Support;

/// <summary>A test that runs the real qemu-system-x86_64 (test.sh installs it). Never skipped: a missing QEMU is a failure.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QemuFactAttribute : FactAttribute
{
}
