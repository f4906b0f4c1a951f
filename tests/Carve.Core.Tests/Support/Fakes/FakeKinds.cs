using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>Keyed driver parts for Core's unit tests, registered the way the driver modules register theirs.</summary>
internal sealed class FakeKinds
{
    private readonly ServiceCollection _services = new();

    /// <summary>Both kinds with the real kinds' rules, and the given instance drivers (or none).</summary>
    public static GuestDrivers Standard(IInstanceDriver? vm = null, IInstanceDriver? ct = null) =>
        new FakeKinds().Add(GuestKind.Vm, FakeDefinition.Vm(), vm).Add(GuestKind.Ct, FakeDefinition.Ct(), ct).Build();

    public FakeKinds Add(GuestKind kind, IGuestDefinition definition, object? driver = null)
    {
        _services.AddKeyedSingleton(kind, definition);
        if (driver is IInstanceDriver instance)
            _services.AddKeyedSingleton(kind, instance);
        if (driver is IGuestSnapshots snapshots)
            _services.AddKeyedSingleton(kind, snapshots);
        if (driver is IGuestConsole console)
            _services.AddKeyedSingleton(kind, console);
        return this;
    }

    public FakeKinds Add<T>(GuestKind kind, T part) where T : class
    {
        _services.AddKeyedSingleton(kind, part);
        return this;
    }

    public GuestDrivers Build() => new(_services.BuildServiceProvider());
}
