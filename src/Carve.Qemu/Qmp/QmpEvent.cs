using System.Text.Json;

namespace Carve.Qemu.Qmp;

/// <summary>An asynchronous QMP event such as SHUTDOWN, POWERDOWN, RESET, STOP or RESUME.</summary>
/// <param name="Name">The event name as QEMU spells it (upper case).</param>
/// <param name="Data">The event's <c>data</c> member; an empty object when QEMU sent none.</param>
/// <param name="Timestamp">When QEMU emitted the event.</param>
public sealed record QmpEvent(string Name, JsonElement Data, DateTimeOffset Timestamp)
{
    /// <summary>A string member of <see cref="Data"/>, e.g. <c>reason</c> of SHUTDOWN; null when absent.</summary>
    public string? GetString(string property) =>
        Data.ValueKind == JsonValueKind.Object
        && Data.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
