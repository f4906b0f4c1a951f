namespace Carve.Contracts.Containers;

/// <summary>A container template: a rootfs ready to copy into new containers.</summary>
public sealed record TemplateView
{
    public required string Name { get; init; }
    /// <summary>builtin (busybox), debootstrap or tarball.</summary>
    public required string Source { get; init; }
    /// <summary>False for a template that can be built but has not been yet (e.g. debian before `template build`).</summary>
    public bool Ready { get; init; }
    public long? SizeBytes { get; init; }
    public string? Description { get; init; }
}
