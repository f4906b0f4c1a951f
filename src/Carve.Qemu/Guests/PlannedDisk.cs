namespace Carve.Qemu.Guests;

/// <summary>A disk to make: empty of <see cref="SizeBytes"/>, or converted from <see cref="ImportPath"/> (already confined).</summary>
public sealed record PlannedDisk(string Name, string? Pool, long? SizeBytes, string? ImportPath);
