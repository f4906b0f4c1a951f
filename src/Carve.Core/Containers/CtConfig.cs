using System.Text.Json;

namespace Carve.Core.Containers;

/// <summary>A container's stored configuration: the JSON in the guests table for kind "ct".</summary>
public sealed record CtConfig
{
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;
    public required string Hostname { get; init; }
    public bool Privileged { get; init; }
    /// <summary>The template name (or tarball path) the rootfs was made from.</summary>
    public required string Template { get; init; }
    /// <summary>The rootfs: a directory volume in a pool.</summary>
    public required string Pool { get; init; }
    public required string RootfsVolume { get; init; }
    public IReadOnlyList<CtMount> Mounts { get; init; } = [];
    /// <summary>NICs on Carve networks: veth pairs named veth{id}i{index} on the host.</summary>
    public IReadOnlyList<Vms.VmNic> Nics { get; init; } = [];
    /// <summary>First host uid/gid of the container's user namespace (unprivileged only), as in Proxmox.</summary>
    public int IdMapStart { get; init; } = 100000;
    public int IdMapCount { get; init; } = 65536;
    public string? Description { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CtConfig FromJson(string json) =>
        JsonSerializer.Deserialize<CtConfig>(json, Json) ?? throw new InvalidDataException("empty container config");
}
