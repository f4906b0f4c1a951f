namespace Carve.Core.Hardware;

/// <summary>Whether one PCI device can be given to a VM, and why in one sentence.</summary>
public sealed record PassthroughVerdict(bool Eligible, string Reason);
