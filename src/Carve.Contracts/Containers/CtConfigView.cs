namespace Carve.Contracts.Containers;

public sealed record CtConfigView
{
    public int Cpus { get; init; }
    public int MemoryMiB { get; init; }
    public required string Hostname { get; init; }
    public bool Privileged { get; init; }
    public required string Template { get; init; }
    public IReadOnlyList<MountView> Mounts { get; set; } = [];
    public string? Description { get; init; }
    public Guests.BootPolicy Boot { get; init; } = new();
    public IReadOnlyList<Vms.NicView> Nics { get; set; } = [];
}
