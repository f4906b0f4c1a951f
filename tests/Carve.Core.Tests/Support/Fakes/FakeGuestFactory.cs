using System.Text.Json;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// Plans guests of any kind the way a driver module's factory does: the config carries a volume named from the id
/// the guest gets, and building it is a recorded "build NAME" step of the kind's <see cref="RecordingDriver"/>.
/// </summary>
internal sealed class FakeGuestFactory(GuestDrivers drivers) : IGuestFactory<FakeCreateRequest>
{
    public Task<GuestDraft> DraftAsync(FakeCreateRequest request, CancellationToken ct)
    {
        var recorder = (RecordingDriver)drivers.Instance(request.Kind);
        return Task.FromResult(new GuestDraft
        {
            Kind = request.Kind,
            Name = request.Name,
            Id = request.Id,
            TaskType = request.TaskType ?? $"{request.Kind}-create",
            Start = request.Start,
            ConfigFor = id => new GuestConfig
            {
                Cpus = request.Cpus,
                MemoryMiB = request.MemoryMiB,
                Specific = new() { ["volume"] = JsonSerializer.SerializeToElement($"disk-{id}") },
            },
            BuildAsync = (guest, task, ct) => recorder.PerformAsync($"build {guest.Name}"),
        });
    }
}
