using Carve.Core.Exports;
using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>Exports: a file is written before the step can fail, so a failed export has something to clean up.</summary>
internal sealed partial class RecordingDriver : IGuestExporter
{
    public IReadOnlyList<string> Formats { get; init; } = ["qcow2", "raw"];

    public void Check(GuestRecord guest) => Perform($"check-export {guest.Name}");

    public async Task WriteAsync(GuestRecord guest, string format, string dir, ITaskContext task, CancellationToken ct)
    {
        await File.WriteAllTextAsync(Path.Combine(dir, $"{guest.Name}.{format}"), "disk", ct);
        await PerformAsync($"export {guest.Name} {format}");
    }
}
