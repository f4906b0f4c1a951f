using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Drivers;

/// <summary>
/// The drivers of a kind of guest, from the keyed services each driver module registers under its
/// <see cref="GuestKind"/>. The core asks by kind and never names a concrete type.
/// </summary>
public sealed class GuestDrivers(IServiceProvider services)
{
    /// <summary>The kinds with a registered instance driver.</summary>
    public IEnumerable<GuestKind> Kinds => GuestKind.All.Where(k => Find<IInstanceDriver>(k) is not null);

    public IInstanceDriver Instance(GuestKind kind) => For<IInstanceDriver>(kind);

    public IGuestDefinition Definition(GuestKind kind) => For<IGuestDefinition>(kind);

    /// <summary>A driver part every kind must register.</summary>
    public T For<T>(GuestKind kind) where T : class =>
        Find<T>(kind) ?? throw new OperationFailedException($"No {typeof(T).Name} is registered for guests of kind '{kind}'.");

    /// <summary>A driver part some kinds have (a screen); null for the others.</summary>
    public T? Find<T>(GuestKind kind) where T : class => services.GetKeyedService<T>(kind);
}
