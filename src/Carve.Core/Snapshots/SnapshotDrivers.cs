using Carve.Core.Errors;

namespace Carve.Core.Snapshots;

/// <summary>Snapshot support by guest kind; the core never names a concrete driver.</summary>
public sealed class SnapshotDrivers(IEnumerable<IGuestSnapshots> drivers)
{
    private readonly Dictionary<string, IGuestSnapshots> _drivers = drivers.ToDictionary(d => d.Kind);

    public IGuestSnapshots For(string kind) =>
        _drivers.TryGetValue(kind, out var d) ? d : throw new BadRequestException($"Guests of kind '{kind}' have no snapshots.");
}
