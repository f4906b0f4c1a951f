namespace Carve.Core.Commands;

/// <summary>
/// Make a new guest from a kind's create request (a new VM, a container, an import); the kind's
/// <see cref="Guests.IGuestFactory{TRequest}"/> for <typeparamref name="TRequest"/> checks and plans it.
/// </summary>
public sealed record CreateGuestCommand<TRequest>(TRequest Request, string User) where TRequest : class;
