using System.Text;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>The text side: streams are empty memory, the log names the guest, commands end at once.</summary>
internal sealed partial class RecordingDriver : IGuestConsole
{
    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        await PerformAsync($"attach {guest.Name}");
        return new MemoryStream();
    }

    public async Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct)
    {
        await PerformAsync($"log {guest.Name}");
        return Encoding.UTF8.GetBytes($"console of {guest.Name}");
    }

    public async Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        await PerformAsync(string.Join(" ", ["exec", guest.Name, .. command]));
        return new FinishedGuestProcess(0);
    }
}
