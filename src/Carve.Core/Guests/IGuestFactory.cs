namespace Carve.Core.Guests;

/// <summary>
/// Turns one kind of create request into a <see cref="GuestDraft"/>: registered by the kind's driver module for
/// its request type (CreateVmRequest, CreateCtRequest, an import), so the core creates every kind the same way.
/// </summary>
public interface IGuestFactory<in TRequest> where TRequest : class
{
    /// <summary>Checks the request at the edge and plans the guest; nothing is made yet, so a refusal leaves no trace.</summary>
    Task<GuestDraft> DraftAsync(TRequest request, CancellationToken ct);
}
