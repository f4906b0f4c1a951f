using Carve.Contracts.Guests;
using Carve.Core.Guests;
using Carve.Core.Tests.Orchestration;

namespace Carve.Core.Tests.Boot;

internal static class BootHarness
{
    /// <summary>A stored guest with <paramref name="boot"/> as its boot policy.</summary>
    public static GuestRecord Guest(this CoreHarness h, string name, BootPolicy boot, GuestKind? kind = null, bool running = false)
    {
        var guest = h.Guest(name, kind ?? GuestKind.Ct, memoryMiB: 64);
        h.Guests.UpdateConfig(guest.Id, guest.Config with { Boot = boot });
        guest = h.Reread(guest);
        if (running)
            h.Driver(guest.Kind).MarkRunning(guest);
        return guest;
    }
}
