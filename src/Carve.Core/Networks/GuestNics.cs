using Carve.Core.Guests;

namespace Carve.Core.Networks;

/// <summary>The NICs of many guests, whatever their kind.</summary>
public static class GuestNics
{
    public static IEnumerable<(GuestRecord Guest, GuestNic Nic)> All(IEnumerable<GuestRecord> guests) =>
        guests.SelectMany(g => g.Config.Nics.Select(n => (g, n)));
}
