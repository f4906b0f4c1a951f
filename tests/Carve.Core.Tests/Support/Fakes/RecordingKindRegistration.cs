using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Exports;
using Carve.Core.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>Registers a kind's fake parts keyed by the kind, the way AddCarveQemu and AddCarveLxc register theirs.</summary>
internal static class RecordingKindRegistration
{
    public static IServiceCollection AddRecordingKind(
        this IServiceCollection services, GuestKind kind, IGuestDefinition definition, RecordingDriver driver, bool withDisplay)
    {
        services.AddKeyedSingleton(kind, definition);
        services.AddKeyedSingleton<IInstanceDriver>(kind, driver);
        services.AddKeyedSingleton<IGuestSnapshots>(kind, driver);
        services.AddKeyedSingleton<IGuestConsole>(kind, driver);
        services.AddKeyedSingleton<IGuestExporter>(kind, driver);
        if (withDisplay)
            services.AddKeyedSingleton<IGuestDisplay>(kind, new RecordingDisplay(driver));
        return services;
    }
}
