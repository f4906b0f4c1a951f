using Carve.Core.Guests;
using Carve.Core.Tasks;

namespace Carve.Core.Exports;

/// <summary>
/// Writes one kind of guest out in the formats it can leave in (a VM as an OVA or disk images, a container as a
/// tarball), registered keyed by that kind. The core checks the guest and runs the export as a task.
/// </summary>
public interface IGuestExporter
{
    /// <summary>The formats, the first being the one taken when none is named.</summary>
    IReadOnlyList<string> Formats { get; }

    /// <summary>Refuses a guest that has nothing to export, before any task is made.</summary>
    void Check(GuestRecord guest);

    /// <summary>Writes the export's files into <paramref name="dir"/>, an empty directory of the export store.</summary>
    Task WriteAsync(GuestRecord guest, string format, string dir, ITaskContext task, CancellationToken ct);
}
