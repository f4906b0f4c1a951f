namespace Carve.Load;

/// <summary>How big and how long a load run is.</summary>
public sealed record LoadOptions
{
    /// <summary>Clients that each create, start, snapshot, stop and delete containers of their own, in a loop.</summary>
    public int Writers { get; init; } = 8;

    /// <summary>Clients that list guests, containers and tasks, as fast as they get answers.</summary>
    public int Readers { get; init; } = 2;

    /// <summary>No writer starts a new cycle after this; each finishes the one it is in, so nothing is left half done.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RssInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Every container of the run is named PREFIX-wN-I (writer N, iteration I), so leftovers are easy to tell.</summary>
    public string NamePrefix { get; init; } = "load";
}
