namespace Carve.Contracts.Containers;

/// <summary>Body of POST /api/v1/cts. Omitted fields take the defaults shown.</summary>
public sealed record CreateCtRequest
{
    public required string Name { get; init; }
    public int? Id { get; init; }
    /// <summary>A template name from GET /api/v1/templates (busybox, debian, ...) or an absolute path to a rootfs tarball.</summary>
    public required string Template { get; init; }
    public int Cpus { get; set; } = 1;
    public int MemoryMiB { get; set; } = 512;
    /// <summary>The container's hostname; its name when omitted.</summary>
    public string? Hostname { get; init; }
    public IReadOnlyList<MountRequest> Mounts { get; set; } = [];
    /// <summary>Unprivileged (user namespace, ids shifted by 100000) unless this is true.</summary>
    public bool Privileged { get; init; }
    public string? Pool { get; init; }
    public string? Description { get; init; }
    public bool Start { get; init; }
    /// <summary>NICs on Carve networks (veth); none when omitted.</summary>
    public IReadOnlyList<Vms.NicRequest>? Nics { get; init; }
}
