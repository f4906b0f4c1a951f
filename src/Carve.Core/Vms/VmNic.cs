namespace Carve.Core.Vms;

public sealed record VmNic(string Name, string Network, string Model, string Mac);
