namespace Carve.Contracts.Vms;

public sealed record DiskView
{
    public required string Name { get; init; }
    public required string Pool { get; init; }
    public required string Volume { get; init; }
    public string Format { get; set; } = "qcow2";
    public long VirtualSizeBytes { get; init; }
    public long? AllocatedBytes { get; init; }
}
