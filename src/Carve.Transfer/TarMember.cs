namespace Carve.Transfer;

/// <summary>A plain file inside an OVA: its bytes are [Offset, Offset + Length) of the archive, contiguous.</summary>
public sealed record TarMember(string Name, long Offset, long Length);
