namespace Carve.Contracts.Images;

/// <summary>A file in an allowed image directory that a new VM can boot or import.</summary>
public sealed record ImageView
{
    public required string Name { get; init; }
    /// <summary>The absolute path to pass as cdrom, kernel, initrd or disk import.</summary>
    public required string Path { get; init; }
    /// <summary>iso, kernel, initrd or disk.</summary>
    public required string Kind { get; init; }
    public long SizeBytes { get; init; }
}
