using System.Text.Json.Serialization;

namespace Carve.Contracts.Guests;

/// <summary>
/// What sort of guest a guest is: a VM with its own kernel or a container on the host's. On the wire, in the
/// database and in task types it is its <see cref="Name"/> ("vm", "ct"). Every kind there is is listed in
/// <see cref="All"/>; what a kind can do is its driver's business, registered under this value.
/// </summary>
[JsonConverter(typeof(GuestKindJsonConverter))]
public readonly record struct GuestKind
{
    public static readonly GuestKind Vm = new("vm", "VM", "vms");
    public static readonly GuestKind Ct = new("ct", "container", "cts");

    public static IReadOnlyList<GuestKind> All { get; } = [Vm, Ct];

    private GuestKind(string name, string noun, string route)
    {
        Name = name;
        Noun = noun;
        Route = route;
    }

    /// <summary>"vm" or "ct".</summary>
    public string Name { get; }

    /// <summary>What a user calls one in a sentence: "VM", "container".</summary>
    public string Noun { get; }

    /// <summary>The API collection of guests of this kind: /api/v1/vms, /api/v1/cts.</summary>
    public string Route { get; }

    public static bool TryParse(string? name, out GuestKind kind)
    {
        foreach (var known in All)
        {
            if (known.Name == name)
            {
                kind = known;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static GuestKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new FormatException($"Unknown kind of guest '{name}'.");

    public bool Equals(GuestKind other) => Name == other.Name;

    public override int GetHashCode() => Name?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => Name ?? "";
}
