namespace Carve.Core.Storage;

/// <summary>
/// A disk image to read in a named format (never probed by qemu): a whole file, or the byte range
/// [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>) of one, such as a disk inside an OVA.
/// </summary>
public sealed record ImageSource(string Path, string Format, long Offset = 0, long? Length = null)
{
    public bool IsRange => Offset != 0 || Length is not null;

    public override string ToString() => IsRange ? $"{Path} (bytes {Offset}+{Length}, {Format})" : $"{Path} ({Format})";
}
