namespace Carve.Contracts.Vms;

/// <summary>A disk to create: empty of <see cref="Size"/> (e.g. "8G"), or a copy of the image at <see cref="Import"/>.</summary>
public sealed record DiskRequest
{
    public string? Size { get; init; }
    public string? Import { get; init; }
    /// <summary>Storage pool; the default pool when omitted.</summary>
    public string? Pool { get; init; }
}
