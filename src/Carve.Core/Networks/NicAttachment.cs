namespace Carve.Core.Networks;

/// <summary>A guest NIC on a Carve network, with the bridge its host side plugs into.</summary>
public sealed record NicAttachment(int Index, GuestNic Nic, string Bridge);
