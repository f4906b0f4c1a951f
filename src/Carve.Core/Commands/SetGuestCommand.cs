namespace Carve.Core.Commands;

/// <summary>
/// Change the guest named by <paramref name="Reference"/> as a kind's change request says; the kind's
/// <see cref="Guests.IGuestEditor{TRequest}"/> for <typeparamref name="TRequest"/> checks and plans it.
/// </summary>
public sealed record SetGuestCommand<TRequest>(string Reference, TRequest Request, string User) where TRequest : class;
