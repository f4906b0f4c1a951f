using Carve.Core.Guests;

namespace Carve.Lxc.Guests;

/// <summary>
/// What a container has beyond what every guest has (<see cref="GuestConfig"/>): its hostname, privilege, root file
/// system and mounts. Stored in the guest's config beside the common settings; only the LXC driver reads it.
/// </summary>
public sealed record CtSpec : IGuestSpec<CtSpec>
{
    public required string Hostname { get; init; }
    public bool Privileged { get; init; }
    /// <summary>The template name (or tarball path) the rootfs was made from.</summary>
    public required string Template { get; init; }
    /// <summary>The rootfs: a directory volume in a pool.</summary>
    public required string Pool { get; init; }
    public required string RootfsVolume { get; init; }
    public IReadOnlyList<CtMount> Mounts { get; set; } = [];
    /// <summary>First host uid/gid of the container's user namespace (unprivileged only), as in Proxmox.</summary>
    public int IdMapStart { get; set; } = 100000;
    public int IdMapCount { get; set; } = 65536;

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<CtSpec> JsonTypeInfo => LxcJsonContext.Default.CtSpec;

    public static CtSpec Of(GuestConfig config) => config.Spec<CtSpec>();

    public static CtSpec Of(GuestRecord guest) => Of(guest.Config);
}
