using Carve.Core.Configuration;

namespace Carve.Daemon;

/// <summary>carved --data-dir DIR --run-dir DIR --listen HOST:PORT|none --config FILE. Flags win over the config file.</summary>
public static class DaemonArguments
{
    public static CarveOptions Parse(string[] args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
                throw new ArgumentException(Usage);
            var (name, value) = arg.Contains('=', StringComparison.Ordinal) ? (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..])
                : (arg, i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.\n{Usage}"));
            if (name is not ("--data-dir" or "--run-dir" or "--listen" or "--config"))
                throw new ArgumentException($"Unknown option {name}.\n{Usage}");
            flags[name] = value;
        }
        var options = flags.TryGetValue("--config", out var config) ? ConfigFileLoader.Load(config) : new CarveOptions();
        return options with
        {
            DataDir = Path.GetFullPath(flags.GetValueOrDefault("--data-dir", options.DataDir)),
            RunDir = Path.GetFullPath(flags.GetValueOrDefault("--run-dir", options.RunDir)),
            Listen = flags.GetValueOrDefault("--listen", options.Listen),
        };
    }

    public const string Usage = "usage: carved [--data-dir DIR] [--run-dir DIR] [--listen HOST:PORT|none] [--config FILE]";
}
