namespace Carve.Qemu.Qmp;

/// <summary>Result of <c>query-kvm</c>.</summary>
/// <param name="Enabled">This QEMU runs its guest under KVM.</param>
/// <param name="Present">This QEMU binary was built with KVM support.</param>
public sealed record QmpKvmInfo(bool Enabled, bool Present);
