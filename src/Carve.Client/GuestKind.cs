namespace Carve.Client;

/// <summary>The two kinds of guest; the same lifecycle and console endpoints exist for both under their own collection.</summary>
public enum GuestKind
{
    /// <summary>A QEMU virtual machine, under /vms.</summary>
    Vm,

    /// <summary>An LXC container, under /cts.</summary>
    Ct,
}
