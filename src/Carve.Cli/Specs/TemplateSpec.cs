using Carve.Cli.Infrastructure;

namespace Carve.Cli.Specs;

/// <summary>--template busybox|debian|PATH: a value with a '/' is a rootfs tarball on this machine, anything else a template name.</summary>
internal static class TemplateSpec
{
    public static string Resolve(string? value, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new UsageException("--template needs a template name (see `carve template list`) or a path to a rootfs tarball.");
        // "~/rootfs.tar.gz" and "./rootfs.tar.gz" are paths; "rootfs.tar.gz" alone would be a template's name.
        return value.Contains('/') ? CliPaths.Absolute(value, workingDirectory) : value;
    }
}
