using Carve.Core.Guests;

namespace Carve.Core.Drivers;

/// <summary>
/// The screen of a kind of guest that has one, served as an RFB (VNC) byte stream. Registered only by kinds with
/// a screen (QEMU); containers have none.
/// </summary>
public interface IGuestDisplay
{
    /// <summary>A byte stream speaking RFB with the running guest's screen; several may be open at once.</summary>
    Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct);
}
