using Carve.Contracts.Guests;
using Carve.Core.Drivers;

namespace Carve.Core.Guests;

/// <summary>How one kind of guest is shown on the wire (VmView, CtView): registered by the kind's driver module.</summary>
public interface IGuestViews<TView>
{
    GuestKind Kind { get; }

    /// <summary>The view of a listing: from the stored config and cheap live state only.</summary>
    TView View(GuestRecord guest, GuestRuntime runtime);

    /// <summary>The view of one guest, with what takes I/O to learn (disk sizes).</summary>
    Task<TView> DetailAsync(GuestRecord guest, GuestRuntime runtime, CancellationToken ct);
}
