using Carve.Core.State;

namespace Carve.Core.Clones;

/// <summary>Which linked clones read from which template's volumes, and the template flag itself.</summary>
public sealed class CloneLinks(Database db)
{
    public void Add(int cloneId, int templateId)
    {
        using var c = db.Open();
        Database.Execute(c, "INSERT OR REPLACE INTO linked_clones (clone_id, template_id) VALUES ($c, $t)", ("$c", cloneId), ("$t", templateId));
    }

    public IReadOnlyList<int> ClonesOf(int templateId)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT clone_id FROM linked_clones WHERE template_id = $t ORDER BY clone_id";
        cmd.Parameters.AddWithValue("$t", templateId);
        var ids = new List<int>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            ids.Add(r.GetInt32(0));
        return ids;
    }

    public void MarkTemplate(int guestId)
    {
        using var c = db.Open();
        Database.Execute(c, "UPDATE guests SET template = 1 WHERE id = $id", ("$id", guestId));
    }
}
