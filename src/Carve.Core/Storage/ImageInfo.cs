namespace Carve.Core.Storage;

/// <summary>What qemu-img says about an image.</summary>
public sealed record ImageInfo(string Path, string Format, long VirtualSizeBytes, long? AllocatedBytes, string? BackingFile);
