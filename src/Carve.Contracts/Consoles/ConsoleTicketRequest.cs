namespace Carve.Contracts.Consoles;

/// <summary>Body of POST /api/v1/console-tickets: which guest's console a browser is about to open.</summary>
public sealed record ConsoleTicketRequest
{
    /// <summary>The guest's name or id.</summary>
    public required string Guest { get; init; }
    /// <summary>serial or vnc for a VM; console or exec for a container.</summary>
    public required string Channel { get; init; }
}
