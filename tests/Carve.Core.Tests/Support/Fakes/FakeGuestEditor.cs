using System.Text.Json;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// Plans changes of any kind the way a driver module's editor does: the common settings as asked, a kind-specific
/// "marker" as a step on the stored config, and a recorded "after NAME MEMORY" step that shows what it was given.
/// </summary>
internal sealed class FakeGuestEditor(GuestStore guests, GuestDrivers drivers) : IGuestEditor<FakeSetRequest>
{
    public const string NothingToChange = "Nothing to change: give cpus, memory, a description, nics or a marker.";

    public Task<GuestEdit> PlanAsync(string reference, FakeSetRequest request, CancellationToken ct)
    {
        var guest = guests.Resolve(reference);
        var recorder = (RecordingDriver)drivers.Instance(guest.Kind);
        return Task.FromResult(new GuestEdit
        {
            Guest = guest,
            Cpus = request.Cpus,
            MemoryMiB = request.MemoryMiB,
            Description = request.Description,
            Nics = request.Nics,
            Specific = request.Marker is { } marker
                ? config => config with { Specific = new(config.Specific ?? []) { ["marker"] = JsonSerializer.SerializeToElement(marker) } }
                : null,
            AfterAsync = request.After
                ? (changed, task, ct) => recorder.PerformAsync($"after {changed.Name} {changed.Config.MemoryMiB} MiB")
                : null,
            NothingToChange = NothingToChange,
        });
    }
}
