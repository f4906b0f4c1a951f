using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The screen of a kind that has one; its calls go into the kind's driver's record, in order with the rest.</summary>
internal sealed class RecordingDisplay(RecordingDriver driver) : IGuestDisplay
{
    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        await driver.PerformAsync($"display {guest.Name}");
        return new MemoryStream();
    }
}
