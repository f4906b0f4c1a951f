using System.Text.Json;

namespace Carve.Qemu.Qmp;

/// <summary>Reads QMP replies into Carve's records, tolerating members newer or older QEMUs add or drop.</summary>
internal static class QmpJson
{
    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static QemuVersion ParseGreeting(JsonElement greeting)
    {
        if (!greeting.TryGetProperty("QMP", out var qmp) || !qmp.TryGetProperty("version", out var version))
            throw new JsonException("the QMP greeting has no version");
        var qemu = version.GetProperty("qemu");
        return new QemuVersion(
            qemu.GetProperty("major").GetInt32(),
            qemu.GetProperty("minor").GetInt32(),
            qemu.GetProperty("micro").GetInt32(),
            String(version, "package") ?? "");
    }

    public static QmpEvent ParseEvent(JsonElement message)
    {
        var timestamp = DateTimeOffset.UnixEpoch;
        if (message.TryGetProperty("timestamp", out var ts)
            && ts.TryGetProperty("seconds", out var s) && ts.TryGetProperty("microseconds", out var us))
            timestamp = DateTimeOffset.FromUnixTimeSeconds(s.GetInt64()).AddTicks(us.GetInt64() * 10);
        var data = message.TryGetProperty("data", out var d) ? d.Clone() : EmptyObject;
        return new QmpEvent(message.GetProperty("event").GetString() ?? "", data, timestamp);
    }

    public static QmpStatus ParseStatus(JsonElement e) =>
        new(String(e, "status") ?? "unknown", Bool(e, "running"));

    public static QmpKvmInfo ParseKvm(JsonElement e) => new(Bool(e, "enabled"), Bool(e, "present"));

    public static QmpBlockDevice ParseBlockDevice(JsonElement e)
    {
        var hasMedium = e.TryGetProperty("inserted", out var inserted);
        long? size = hasMedium && inserted.TryGetProperty("image", out var image)
            && image.TryGetProperty("virtual-size", out var vs) ? vs.GetInt64() : null;
        return new QmpBlockDevice(
            Device: String(e, "device") ?? "",
            QdevPath: String(e, "qdev"),
            File: hasMedium ? String(inserted, "file") : null,
            Format: hasMedium ? String(inserted, "drv") : null,
            NodeName: hasMedium ? String(inserted, "node-name") : null,
            VirtualSize: size,
            ReadOnly: hasMedium && Bool(inserted, "ro"),
            Removable: Bool(e, "removable"));
    }

    public static QmpJob ParseJob(JsonElement e) =>
        new(String(e, "id") ?? "", String(e, "type") ?? "", String(e, "status") ?? "", String(e, "error"));

    public static QmpCpu ParseCpu(JsonElement e) =>
        new(e.GetProperty("cpu-index").GetInt32(), e.GetProperty("thread-id").GetInt32(), String(e, "qom-path") ?? "");

    public static IReadOnlyList<T> ParseArray<T>(JsonElement e, Func<JsonElement, T> parse) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(parse).ToList() : [];

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
