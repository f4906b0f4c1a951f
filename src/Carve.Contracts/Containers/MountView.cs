namespace Carve.Contracts.Containers;

public sealed record MountView(string Host, string Guest, bool ReadOnly);
