using System.Text.Json;

namespace Carve.Lxc.Templates;

/// <summary>templates/NAME/template.json: written last, so a template without it is not complete.</summary>
public sealed record TemplateMetadata
{
    public const string FileName = "template.json";

    public required string Name { get; init; }
    /// <summary>builtin, debootstrap or tarball (as TemplateView.Source).</summary>
    public required string Source { get; init; }
    public string? Description { get; init; }
    public long SizeBytes { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>For built-in templates: which version of the recipe made it, so an older build is made again.</summary>
    public int Revision { get; init; }

    public static TemplateMetadata? TryRead(string templateDir)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(templateDir, FileName)), LxcJsonContext.Default.TemplateMetadata);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string templateDir) =>
        File.WriteAllText(Path.Combine(templateDir, FileName), JsonSerializer.Serialize(this, LxcJsonContext.Default.TemplateMetadata));
}
