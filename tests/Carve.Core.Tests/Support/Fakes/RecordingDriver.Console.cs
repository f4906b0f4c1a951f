using System.Text;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The text side: streams are empty memory, the log names the guest (or is what a test wrote), commands end at once.</summary>
internal sealed partial class RecordingDriver : IGuestConsole
{
    /// <summary>What a guest's console log holds, by guest name; a test appends to it as its guest would print.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> ConsoleLogs { get; } = new();

    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        await PerformAsync($"attach {guest.Name}");
        return new MemoryStream();
    }

    public async Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct)
    {
        await PerformAsync($"log {guest.Name}");
        return Encoding.UTF8.GetBytes(ConsoleLogs.GetValueOrDefault(guest.Name, $"console of {guest.Name}"));
    }

    public async Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        await PerformAsync(string.Join(" ", ["exec", guest.Name, .. command]));
        return new FinishedGuestProcess(0);
    }
}
