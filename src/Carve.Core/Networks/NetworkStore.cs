using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Carve.Core.Errors;
using Carve.Core.State;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Networks;

/// <summary>Networks in SQLite. A row marked deleting is finished off by the next daemon if this one dies halfway.</summary>
public sealed class NetworkStore(Database db)
{
    public const string Ready = "ready";
    public const string Deleting = "deleting";
    private const string Columns = "name, type, bridge, subnet, uplink, adopted, created_at, state";

    public IReadOnlyList<NetworkRecord> List() => Query("state = 'ready'", null);

    public IReadOnlyList<NetworkRecord> ListDeleting() => Query("state = $v", Deleting);

    public NetworkRecord? Find(string name) => Query("name = $v AND state = 'ready'", name).FirstOrDefault();

    public NetworkRecord Get(string name) =>
        Find(name) ?? throw new NotFoundException($"No network is named '{Validation.Names.Printable(name)}'.");

    /// <summary>A ready network, or one whose deletion did not finish (so that deleting it again can finish it).</summary>
    public NetworkRecord GetForDelete(string name) =>
        Find(name) ?? Query("name = $v", name).FirstOrDefault() ?? Get(name);

    public void Insert(NetworkRecord network)
    {
        using var c = db.Open();
        try
        {
            Database.Execute(c,
                $"INSERT INTO networks ({Columns}) VALUES ($name, $type, $bridge, $subnet, $uplink, $adopted, $created, $state)",
                ("$name", network.Name), ("$type", network.Type), ("$bridge", network.Bridge), ("$subnet", network.Subnet),
                ("$uplink", network.Uplink), ("$adopted", network.Adopted ? 1 : 0),
                ("$created", network.CreatedAt.ToString("O", CultureInfo.InvariantCulture)), ("$state", Ready));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw ListDeleting().FirstOrDefault(n => n.Name == network.Name || n.Bridge == network.Bridge) is { } half
                ? new ConflictException($"Network '{half.Name}' (bridge {half.Bridge}) was being deleted and that did not finish; " +
                    $"run `carve network delete {half.Name}` to finish it.")
                : new ConflictException($"A network named '{network.Name}' or using bridge {network.Bridge} exists already.");
        }
    }

    public void MarkDeleting(string name)
    {
        using var c = db.Open();
        Database.Execute(c, "UPDATE networks SET state = $state WHERE name = $name", ("$state", Deleting), ("$name", name));
    }

    public void Delete(string name)
    {
        using var c = db.Open();
        Database.Execute(c, "DELETE FROM networks WHERE name = $name", ("$name", name));
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification =
        "Every caller passes a constant condition; the value goes in as the $v parameter.")]
    private List<NetworkRecord> Query(string where, object? value)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM networks WHERE {where} ORDER BY name";
        if (value is not null)
            cmd.Parameters.AddWithValue("$v", value);
        var list = new List<NetworkRecord>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new NetworkRecord
            {
                Name = r.GetString(0),
                Type = r.GetString(1),
                Bridge = r.GetString(2),
                Subnet = r.IsDBNull(3) ? null : r.GetString(3),
                Uplink = r.IsDBNull(4) ? null : r.GetString(4),
                Adopted = r.GetInt64(5) != 0,
                CreatedAt = DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture),
            });
        return list;
    }
}
