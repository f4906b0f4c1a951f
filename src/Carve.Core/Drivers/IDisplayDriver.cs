using Carve.Core.Guests;

namespace Carve.Core.Drivers;

/// <summary>
/// An instance driver whose guests have a graphical screen, served as an RFB (VNC) byte stream. Kept apart from
/// <see cref="IInstanceDriver"/> because only some kinds of guest have one (containers do not).
/// </summary>
public interface IDisplayDriver
{
    /// <summary>A byte stream speaking RFB with the running guest's screen; several may be open at once.</summary>
    Task<Stream> AttachDisplayAsync(GuestRecord guest, CancellationToken ct);
}
