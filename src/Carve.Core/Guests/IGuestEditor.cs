namespace Carve.Core.Guests;

/// <summary>
/// Turns one kind of change request (SetVmRequest, SetCtRequest) into a <see cref="GuestEdit"/>: registered by the
/// kind's driver module for its request type, so the core changes every kind the same way.
/// </summary>
public interface IGuestEditor<in TRequest> where TRequest : class
{
    /// <summary>Checks the request at the edge and plans it against the guest it names; nothing changes yet.</summary>
    Task<GuestEdit> PlanAsync(string reference, TRequest request, CancellationToken ct);
}
