using System.Text.Json;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Lxc.Guests;

/// <summary>
/// carve-ct.json, the first member of a `carve ct export` tarball: the settings of the exported container. The
/// rootfs members after it have 0-based (container) ids, whether the container was privileged or not.
/// </summary>
public sealed record CtArchiveConfig
{
    public const string MemberName = "carve-ct.json";
    public const int MaxBytes = 64 * 1024;

    public int Cpus { get; set; } = 1;
    public int MemoryMiB { get; set; } = 512;
    public string? Hostname { get; init; }
    public bool Privileged { get; init; }
    public string? Template { get; init; }
    public string? Description { get; init; }
    /// <summary>Recorded for reference; an import never applies them (they name paths on the exporting host).</summary>
    public IReadOnlyList<CtMount> Mounts { get; set; } = [];

    public static CtArchiveConfig From(GuestConfig config)
    {
        var spec = CtSpec.Of(config);
        return new()
        {
            Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Hostname = spec.Hostname, Privileged = spec.Privileged,
            Template = Path.IsPathFullyQualified(spec.Template) ? Path.GetFileName(spec.Template) : spec.Template,
            Description = config.Description, Mounts = spec.Mounts,
        };
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, LxcJsonContext.Default.CtArchiveConfig);

    public static CtArchiveConfig Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, LxcJsonContext.Default.CtArchiveConfig) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The {MemberName} of the tarball is not valid: {e.Message}");
        }
    }
}
