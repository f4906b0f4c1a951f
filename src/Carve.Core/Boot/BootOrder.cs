using Carve.Core.Guests;

namespace Carve.Core.Boot;

/// <summary>
/// The order guests start in when the host boots and stop in when it goes down, as Proxmox orders them: by their
/// order number, lowest first; guests without one after all those with one, by id. Stopping is the reverse.
/// </summary>
public static class BootOrder
{
    /// <summary>The guests to start at boot, in order: onboot, and not templates.</summary>
    public static IReadOnlyList<GuestRecord> ToStart(IEnumerable<GuestRecord> guests) =>
        guests.Where(g => g.Config.Boot?.OnBoot == true && !g.Template)
            .OrderBy(SortKey).ThenBy(g => g.Id).ToList();

    /// <summary>
    /// Running guests in stop order, grouped: the guests of one group share an order number and shut down together,
    /// the last started first.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<GuestRecord>> ToStop(IEnumerable<GuestRecord> running) =>
        running.GroupBy(SortKey).OrderByDescending(g => g.Key)
            .Select(g => (IReadOnlyList<GuestRecord>)g.OrderByDescending(x => x.Id).ToList()).ToList();

    /// <summary>Guests without an order come after every ordered one.</summary>
    private static long SortKey(GuestRecord guest) => guest.Config.Boot?.Order ?? (long)int.MaxValue + 1;
}
