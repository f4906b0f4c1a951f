using Carve.Cli.Infrastructure;
using Carve.Contracts.Vms;

namespace Carve.Cli.Specs;

/// <summary>--disk size=8G[,pool=P] or --disk import=PATH[,pool=P].</summary>
internal static class DiskSpecParser
{
    public static DiskRequest Parse(string spec, string workingDirectory)
    {
        var values = KeyValueSpec.Parse("--disk", spec, "size", "import", "pool");
        var size = values.GetValueOrDefault("size");
        var import = values.GetValueOrDefault("import");
        if ((size is null) == (import is null))
            throw new UsageException($"Invalid --disk '{spec}': give exactly one of size=SIZE or import=PATH.");
        if (size is not null && !SizeSyntax.IsSize(size))
            throw new UsageException($"Invalid --disk '{spec}': size '{size}' is not a size like 8G, 512M or 1T.");
        return new DiskRequest
        {
            Size = size,
            Import = import is null ? null : CliPaths.Absolute(import, workingDirectory),
            Pool = values.GetValueOrDefault("pool"),
        };
    }
}
