namespace Carve.Contracts.Vms;

/// <summary>Body of PATCH /api/v1/vms/{ref}: only the given fields change.</summary>
public sealed record SetVmRequest
{
    public int? Cpus { get; init; }
    public int? MemoryMiB { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<DiskResize>? ResizeDisks { get; init; }
    /// <summary>Replaces the VM's host PCI devices; an empty list removes them. Takes effect at the next start.</summary>
    public IReadOnlyList<HostPciSpec>? HostPci { get; init; }
    /// <summary>Replaces the VM's host USB devices; an empty list removes them. Takes effect at the next start.</summary>
    public IReadOnlyList<string>? HostUsb { get; init; }
    /// <summary>Replaces all NICs (the VM must be stopped); an empty list removes them.</summary>
    public IReadOnlyList<NicRequest>? Nics { get; init; }
    /// <summary>Start at boot, start and stop order, restart on crash: only the given fields change.</summary>
    public Guests.BootPolicy? Boot { get; init; }
}
