using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Core.Networks;

namespace Carve.Core.Guests;

/// <summary>
/// A guest's stored configuration. The settings every kind of guest has are typed here; the rest (a VM's disks
/// and firmware, a container's root file system and mounts) belong to the kind's driver, which alone reads,
/// validates and writes them. Both live in one flat JSON object in the guests table, as they always have.
/// </summary>
public sealed record GuestConfig
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 512;
    public IReadOnlyList<GuestNic> Nics { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>The kind-specific settings, kept as JSON for the driver that owns them. Never changed in place.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Specific { get; init; }

    [JsonIgnore]
    public long MemoryBytes => (long)MemoryMiB << 20;

    /// <summary>The kind-specific settings as the driver's own record.</summary>
    public T Spec<T>() where T : class =>
        JsonSerializer.SerializeToElement(Specific ?? [], Json).Deserialize<T>(Json)
        ?? throw new InvalidDataException($"The stored {typeof(T).Name} is empty.");

    /// <summary>
    /// This config with other kind-specific settings. Settings the driver's record does not know (written by a newer
    /// carved) are kept, so going back a version and forth again loses nothing.
    /// </summary>
    public GuestConfig WithSpec<T>(T spec) where T : class
    {
        var specific = new Dictionary<string, JsonElement>(Specific ?? []);
        foreach (var property in JsonSerializer.SerializeToElement(spec, Json).EnumerateObject())
            specific[property.Name] = property.Value.Clone();
        return this with { Specific = specific };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GuestConfig FromJson(string json) =>
        JsonSerializer.Deserialize<GuestConfig>(json, Json) ?? throw new InvalidDataException("empty guest config");

    /// <summary>The settings a guest with <paramref name="spec"/> has, common and kind-specific.</summary>
    public static GuestConfig Of<T>(T spec) where T : class => new GuestConfig().WithSpec(spec);
}
