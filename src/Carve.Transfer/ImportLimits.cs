namespace Carve.Transfer;

/// <summary>Bounds on what a package may make the daemon read or keep in memory: packages may be hostile.</summary>
internal static class ImportLimits
{
    /// <summary>An OVF descriptor is a few KiB; 16 MiB leaves room for huge annotations and nothing more.</summary>
    public const int MaxDescriptorBytes = 16 << 20;
    public const int MaxManifestBytes = 1 << 20;
    /// <summary>qemu reads at most 1 MiB of a VMDK text descriptor; so do we.</summary>
    public const int MaxVmdkDescriptorBytes = 1 << 20;
    public const int MaxTarMembers = 1024;
    public const int MaxDisks = 16;
    public const int MaxNics = 16;
    public const int MaxDescriptionChars = 4096;
}
