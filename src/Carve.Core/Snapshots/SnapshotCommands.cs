namespace Carve.Core.Snapshots;

/// <summary>Take a snapshot of a guest named by id or name.</summary>
public sealed record CreateSnapshotCommand(string Guest, string Name, bool Memory, string? Description, string User);

/// <summary>Roll back to, or delete, a guest's snapshot.</summary>
public sealed record SnapshotCommand(string Guest, string Name, string User);
