using Carve.Cli.Infrastructure;

namespace Carve.Cli.Specs;

/// <summary>--env NAME=VALUE for exec: the value may be empty or hold '=', the name may not.</summary>
internal static class EnvSpecParser
{
    public static IReadOnlyDictionary<string, string>? ParseAll(IReadOnlyList<string>? specs)
    {
        if (specs is null || specs.Count == 0)
            return null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"Invalid --env '{spec}': use NAME=VALUE.");
            var name = spec[..equals];
            if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw new UsageException($"Invalid --env '{spec}': '{name}' is not a variable name.");
            if (!environment.TryAdd(name, spec[(equals + 1)..]))
                throw new UsageException($"--env sets {name} twice.");
        }
        return environment;
    }
}
