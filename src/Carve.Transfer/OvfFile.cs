namespace Carve.Transfer;

/// <summary>A file the OVF's References section names: a path inside the package, and its size if declared.</summary>
public sealed record OvfFile(string Id, string Href, long? Size);
