using Carve.Contracts.Networks;

namespace Carve.Core.Networks;

/// <summary>Create a network as <paramref name="Request"/> describes it.</summary>
public sealed record CreateNetworkCommand(CreateNetworkRequest Request, string User);

/// <summary>Delete the network <paramref name="Name"/>, which no guest may use.</summary>
public sealed record DeleteNetworkCommand(string Name, string User);
