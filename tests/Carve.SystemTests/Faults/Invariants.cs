using System.Text.Json;
using Carve.SystemTests.Harness;
using Microsoft.Data.Sqlite;

namespace Carve.SystemTests.Faults;

/// <summary>
/// What must hold after any crash of carved, as sentences of what is wrong: no guest lost, no lock left, one QEMU at
/// most per VM and exactly one for a VM shown running, no volume in the pool that no guest owns, no snapshot listed
/// that is not whole, and every network either whole (its bridge there) or gone (its row too).
/// </summary>
internal static class Invariants
{
    public static async Task<IReadOnlyList<string>> CheckAsync(DaemonProcess d, IReadOnlyList<string> keeps)
    {
        var wrong = new List<string>();
        var guests = Json.Parse(await d.CarveAsync("list", "-o", "json")).EnumerateArray().ToList();
        foreach (var name in keeps.Where(k => !guests.Any(g => Name(g) == k)))
            wrong.Add($"guest {name} was lost");
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var guest in guests)
        {
            if (guest.TryGetProperty("lock", out var held) && held.ValueKind == JsonValueKind.String)
                wrong.Add($"{Name(guest)} is still locked by {held.GetString()}");
            if (guest.GetProperty("type").GetString() == "vm")
                await CheckVmAsync(d, guest, owned, wrong);
            else
                owned.Add($"ct-{guest.GetProperty("id").GetInt32()}-rootfs");
            foreach (var snapshot in Json.Parse(await d.CarveAsync("snapshot", "list", Name(guest)!, "-o", "json")).EnumerateArray())
                if (snapshot.GetProperty("state").GetString() != "ready")
                    wrong.Add($"{Name(guest)} lists snapshot {snapshot.GetProperty("name").GetString()} as {snapshot.GetProperty("state").GetString()}");
        }
        var pool = Path.Combine(d.DataDir, "pools", "local");
        foreach (var orphan in Directory.Exists(pool) ? Directory.EnumerateFileSystemEntries(pool).Select(Path.GetFileName).Where(f => !owned.Contains(f!)) : [])
            wrong.Add($"volume {orphan} in the pool belongs to no guest");
        wrong.AddRange(await CheckNetworksAsync(d));
        wrong.AddRange(HalfDeletedNetworks(d));
        wrong.AddRange(LeftoverTemplateBuilds());
        return wrong;
    }

    /// <summary>A template build's scratch directory, its debootstrap or a mount in it, left by the killed carved.</summary>
    private static IEnumerable<string> LeftoverTemplateBuilds()
    {
        var templates = Path.Combine(TestGuest.CacheDir, "templates");
        if (!Directory.Exists(templates))
            yield break;
        foreach (var dir in Directory.EnumerateDirectories(templates, ".*"))
            yield return $"template scratch directory {Path.GetFileName(dir)} was left behind";
        foreach (var pid in Processes.FindByArgument(Path.Combine(templates, ".build-")))
            yield return $"process {pid} still builds a template";
        foreach (var line in File.ReadLines("/proc/self/mountinfo").Where(l => l.Contains(templates + "/", StringComparison.Ordinal)))
            yield return $"a file system is still mounted in the templates directory: {line}";
    }

    /// <summary>A deletion the restart did not finish hides its network yet keeps its name taken: read it from the file.</summary>
    private static IEnumerable<string> HalfDeletedNetworks(DaemonProcess d)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(d.DataDir, "carve.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, state FROM networks WHERE state != 'ready'";
        using var r = cmd.ExecuteReader();
        var wrong = new List<string>();
        while (r.Read())
            wrong.Add($"network {r.GetString(0)} is still '{r.GetString(1)}' after the restart");
        return wrong;
    }

    private static async Task CheckVmAsync(DaemonProcess d, JsonElement summary, HashSet<string> owned, List<string> wrong)
    {
        var vm = await d.ShowAsync(Name(summary)!);
        foreach (var disk in vm.GetProperty("disks").EnumerateArray())
            owned.Add(disk.GetProperty("volume").GetString()!);
        var qmp = Path.Combine(d.RunDir, "qemu", $"{vm.GetProperty("id").GetInt32()}", "qmp.sock");
        var qemus = Processes.FindByArgument(qmp).Count;
        var running = vm.GetProperty("status").GetString() == "running";
        if (qemus > 1 || (running && qemus != 1) || (!running && qemus != 0))
            wrong.Add($"vm {Name(summary)} shows {vm.GetProperty("status").GetString()} with {qemus} QEMU process(es)");
    }

    private static async Task<IEnumerable<string>> CheckNetworksAsync(DaemonProcess d)
    {
        var wrong = new List<string>();
        foreach (var network in Json.Parse(await d.CarveAsync("network", "list", "-o", "json")).EnumerateArray())
        {
            var bridge = network.GetProperty("bridge").GetString()!;
            var link = await Processes.RunAsync("ip", d.Namespace is null ? ["link", "show", bridge] : ["-n", d.Namespace.Name, "link", "show", bridge]);
            if (link.ExitCode != 0)
                wrong.Add($"network {network.GetProperty("name").GetString()} is listed but its bridge {bridge} is missing");
        }
        return wrong;
    }

    private static string? Name(JsonElement guest) => guest.GetProperty("name").GetString();
}
