namespace Carve.Contracts.Vms;

public sealed record NicView(string Name, string Network, string Model, string Mac);
