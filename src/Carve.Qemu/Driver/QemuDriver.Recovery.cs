using Carve.Core.Guests;

namespace Carve.Qemu.Driver;

public sealed partial class QemuDriver
{
    /// <summary>Finds the QEMUs an earlier daemon started; they kept running, and nothing is started twice.</summary>
    public Task RecoverAsync(IReadOnlyList<GuestRecord> guests, CancellationToken ct)
    {
        accel.StartProbe();
        foreach (var guest in guests)
        {
            var paths = Paths(guest);
            if (locator.Find(paths) is { } pid)
                LogRecovered(guest.Describe(), pid);
            else if (Directory.Exists(paths.RuntimeDir))
                // Exited while no daemon watched (guest powered off): clear its stale sockets.
                foreach (var file in paths.RuntimeFiles)
                    File.Delete(file);
        }
        return Task.CompletedTask;
    }
}
