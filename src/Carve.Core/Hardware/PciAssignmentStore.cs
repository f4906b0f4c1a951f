using Carve.Core.State;

namespace Carve.Core.Hardware;

/// <summary>
/// Which PCI devices are bound to vfio-pci for which VM, and the driver each had before. Written before the first
/// sysfs write, so whatever a kill -9 interrupts can be given back to the host by the next daemon.
/// </summary>
public sealed class PciAssignmentStore(Database db)
{
    public sealed record Assignment(string Address, int GuestId, string? OriginalDriver);

    public IReadOnlyList<Assignment> List()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT address, guest_id, original_driver FROM pci_assignments ORDER BY address";
        using var r = cmd.ExecuteReader();
        var list = new List<Assignment>();
        while (r.Read())
            list.Add(new Assignment(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2)));
        return list;
    }

    /// <summary>Records devices for a guest; a device already recorded keeps its first original driver.</summary>
    public void Add(int guestId, IEnumerable<(string Address, string? Driver)> devices)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        foreach (var (address, driver) in devices)
            Database.Execute(c,
                "INSERT INTO pci_assignments (address, guest_id, original_driver, assigned_at) VALUES ($a, $g, $d, $t) " +
                "ON CONFLICT(address) DO UPDATE SET guest_id = excluded.guest_id",
                ("$a", address), ("$g", guestId), ("$d", driver), ("$t", DateTimeOffset.UtcNow.ToString("O")));
        tx.Commit();
    }

    public void Remove(string address)
    {
        using var c = db.Open();
        Database.Execute(c, "DELETE FROM pci_assignments WHERE address = $a", ("$a", address));
    }
}
