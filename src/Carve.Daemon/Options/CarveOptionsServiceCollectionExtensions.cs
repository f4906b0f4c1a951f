using Carve.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Carve.Daemon.Options;

public static class CarveOptionsServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IOptions{CarveOptions}"/> from what the config file and the flags made, validated at start, and the
    /// plain <see cref="CarveOptions"/> that drivers and services take, forwarded from it. Call it after the other
    /// AddCarve* methods: it replaces the plain instance that AddCarveCore registers.
    /// </summary>
    public static IServiceCollection AddCarveOptions(this IServiceCollection services, CarveOptions source)
    {
        services.TryAddSingleton(_ => HostCapacity.ReadCurrent());
        services.AddSingleton<IValidateOptions<CarveOptions>, CarveOptionsValidator>();
        services.AddSingleton<IOptionsFactory<CarveOptions>>(sp => new CarveOptionsFactory(source,
            sp.GetServices<IConfigureOptions<CarveOptions>>(), sp.GetServices<IPostConfigureOptions<CarveOptions>>(),
            sp.GetServices<IValidateOptions<CarveOptions>>()));
        services.AddOptions<CarveOptions>().ValidateOnStart();
        services.RemoveAll<CarveOptions>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CarveOptions>>().Value);
        return services;
    }

    /// <summary>
    /// The options validated now, by the same registrations, for callers that need the values before the host is
    /// built: the core composes a few singletons straight from them (database path, hardware root, reservation).
    /// </summary>
    /// <exception cref="OptionsValidationException">With one sentence per problem in its Failures.</exception>
    public static CarveOptions Validated(CarveOptions source)
    {
        using var provider = new ServiceCollection().AddCarveOptions(source).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<CarveOptions>>().Value;
    }
}
