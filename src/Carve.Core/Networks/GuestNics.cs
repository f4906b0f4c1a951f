using Carve.Core.Containers;
using Carve.Core.Guests;
using Carve.Core.Vms;

namespace Carve.Core.Networks;

/// <summary>The NICs of any guest, whatever its kind, read from its stored config.</summary>
public static class GuestNics
{
    public static IReadOnlyList<VmNic> Of(GuestRecord guest) => guest.Kind switch
    {
        VmService.Kind => VmConfig.FromJson(guest.ConfigJson).Nics,
        CtService.Kind => CtConfig.FromJson(guest.ConfigJson).Nics,
        _ => [],
    };

    public static IEnumerable<(GuestRecord Guest, VmNic Nic)> All(IEnumerable<GuestRecord> guests) =>
        guests.SelectMany(g => Of(g).Select(n => (g, n)));
}
