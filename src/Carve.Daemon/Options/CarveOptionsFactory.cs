using Carve.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Carve.Daemon.Options;

/// <summary>
/// The options system's factory, starting from the options the config file and the flags made (an immutable record,
/// which Configure actions cannot fill in) instead of a blank instance. Validators run on it as on any options.
/// </summary>
internal sealed class CarveOptionsFactory(
    CarveOptions source,
    IEnumerable<IConfigureOptions<CarveOptions>> setups,
    IEnumerable<IPostConfigureOptions<CarveOptions>> postConfigures,
    IEnumerable<IValidateOptions<CarveOptions>> validations)
    : OptionsFactory<CarveOptions>(setups, postConfigures, validations)
{
    protected override CarveOptions CreateInstance(string name) => source;
}
