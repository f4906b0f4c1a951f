using Carve.Core.Storage;

namespace Carve.Transfer;

/// <summary>
/// One disk to import: where its bytes are (none for a blank disk the OVF asks to create), the capacity the
/// package declares, the bus, and the manifest digest its bytes must have.
/// </summary>
public sealed record ImportDisk(string Label, ImageSource? Source, long? DeclaredCapacity, string Bus, ManifestEntry? Digest);
