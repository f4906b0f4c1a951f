using Carve.Cli.Infrastructure;
using Carve.Contracts.Containers;

namespace Carve.Cli.Specs;

/// <summary>--mount HOST:GUEST[:ro]: a bind mount of a host path into the container, both absolute.</summary>
internal static class MountSpecParser
{
    public const string ReadOnly = "ro";

    public static MountRequest Parse(string spec)
    {
        var parts = spec.Split(':');
        if (parts.Length is < 2 or > 3)
            throw new UsageException($"Invalid --mount '{spec}': use HOST:GUEST or HOST:GUEST:ro, e.g. /tank/media:/media:ro.");
        if (parts.Length == 3 && parts[2] != ReadOnly)
            throw new UsageException($"Invalid --mount '{spec}': '{parts[2]}' is not 'ro', the only mount option.");
        return new MountRequest
        {
            Host = Absolute(spec, "host", parts[0]),
            Guest = Absolute(spec, "container", parts[1]),
            ReadOnly = parts.Length == 3,
        };
    }

    public static IReadOnlyList<MountRequest> ParseAll(IReadOnlyList<string>? specs)
    {
        var mounts = (specs ?? []).Select(Parse).ToList();
        var twice = mounts.GroupBy(m => m.Guest).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? mounts : throw new UsageException($"--mount uses the container path {twice.Key} twice.");
    }

    private static string Absolute(string spec, string side, string path)
    {
        if (!path.StartsWith('/'))
            throw new UsageException($"Invalid --mount '{spec}': the {side} path '{path}' must be absolute.");
        if (path.Split('/').Contains(".."))
            throw new UsageException($"Invalid --mount '{spec}': the {side} path '{path}' must not contain '..'.");
        // "/tank/media/" and "/tank/media" are the same directory; keep "/" as it is.
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
