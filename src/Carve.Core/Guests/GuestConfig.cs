using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Contracts.Guests;
using Carve.Core.Networks;
using Carve.Core.State;

namespace Carve.Core.Guests;

/// <summary>
/// A guest's stored configuration. The settings every kind of guest has are typed here; the rest (a VM's disks
/// and firmware, a container's root file system and mounts) belong to the kind's driver, which alone reads,
/// validates and writes them. Both live in one flat JSON object in the guests table, as they always have.
/// </summary>
public sealed record GuestConfig
{
    // Settable, not init-only: the JSON source generator drops an init-only property's default (CarveJson says more).
    public int Cpus { get; set; } = 1;
    public int MemoryMiB { get; set; } = 512;
    public IReadOnlyList<GuestNic> Nics { get; set; } = [];
    public string? Description { get; init; }
    /// <summary>Start at boot, order, restart on crash; null until first set.</summary>
    public BootPolicy? Boot { get; init; }

    /// <summary>The kind-specific settings, kept as JSON for the driver that owns them. Never changed in place.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Specific { get; set; }

    [JsonIgnore]
    public long MemoryBytes => (long)MemoryMiB << 20;

    /// <summary>The kind-specific settings as the driver's own record.</summary>
    public T Spec<T>() where T : class, IGuestSpec<T> =>
        JsonSerializer.SerializeToElement(Specific ?? [], CoreJsonContext.Default.DictionaryStringJsonElement).Deserialize(T.JsonTypeInfo)
        ?? throw new InvalidDataException($"The stored {typeof(T).Name} is empty.");

    /// <summary>This config with other kind-specific settings: the driver's own record.</summary>
    public GuestConfig WithSpec<T>(T spec) where T : class, IGuestSpec<T> => WithSpec(JsonSerializer.SerializeToElement(spec, T.JsonTypeInfo));

    /// <summary>
    /// This config with other kind-specific settings, given as a JSON object. Settings it does not name (written by a
    /// newer carved) are kept, so going back a version and forth again loses nothing.
    /// </summary>
    public GuestConfig WithSpec(JsonElement spec)
    {
        var specific = new Dictionary<string, JsonElement>(Specific ?? []);
        foreach (var property in spec.EnumerateObject())
            specific[property.Name] = property.Value.Clone();
        return this with { Specific = specific };
    }

    /// <summary>The settings a guest with <paramref name="spec"/> has, common and kind-specific.</summary>
    public static GuestConfig Of<T>(T spec) where T : class, IGuestSpec<T> => new GuestConfig().WithSpec(spec);

    public string ToJson() => JsonSerializer.Serialize(this, CoreJsonContext.Default.GuestConfig);

    public static GuestConfig FromJson(string json) =>
        JsonSerializer.Deserialize(json, CoreJsonContext.Default.GuestConfig) ?? throw new InvalidDataException("empty guest config");
}
