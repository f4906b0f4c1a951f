namespace Carve.Core.Vms;

/// <summary>A create request that passed validation: the config to store and the disks still to make.</summary>
public sealed record ValidatedVm(string Name, VmConfig Config, IReadOnlyList<PlannedDisk> Disks);
