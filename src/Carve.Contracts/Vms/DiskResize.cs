namespace Carve.Contracts.Vms;

/// <summary>Grow disk <see cref="Disk"/> (e.g. "disk0") to <see cref="Size"/>, or by it when it starts with '+'.</summary>
public sealed record DiskResize
{
    public required string Disk { get; init; }
    public required string Size { get; init; }
}
