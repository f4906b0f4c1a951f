namespace Carve.Contracts.Containers;

/// <summary>Body of POST /api/v1/templates/build: debootstrap a Debian rootfs from the host's configured mirror.</summary>
public sealed record BuildTemplateRequest
{
    /// <summary>Only "debian" for now.</summary>
    public string Distribution { get; set; } = "debian";
    public string Suite { get; set; } = "bookworm";
}
