using Carve.Cli.Infrastructure;

namespace Carve.Cli.Specs;

/// <summary>Strict "key=value,key=value" parsing: unknown, repeated or empty keys are usage errors.</summary>
internal static class KeyValueSpec
{
    public static Dictionary<string, string> Parse(string option, string spec, params string[] allowedKeys)
    {
        if (string.IsNullOrWhiteSpace(spec))
            throw new UsageException($"{option} needs a value like {allowedKeys[0]}=...");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"Invalid {option} '{spec}': '{part}' is not key=value.");
            var key = part[..equals].Trim();
            var value = part[(equals + 1)..];
            if (!allowedKeys.Contains(key))
                throw new UsageException($"Invalid {option} '{spec}': unknown key '{key}' (use {string.Join(", ", allowedKeys)}).");
            if (!values.TryAdd(key, value))
                throw new UsageException($"Invalid {option} '{spec}': '{key}' is given twice.");
            if (value.Length == 0)
                throw new UsageException($"Invalid {option} '{spec}': '{key}' has an empty value.");
        }
        return values;
    }
}
