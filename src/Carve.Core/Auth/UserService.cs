using System.Globalization;
using Carve.Contracts.Auth;
using Carve.Core.Errors;
using Carve.Core.State;
using Carve.Core.Validation;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Auth;

/// <summary>
/// Password users. A change of password or role, or a deletion, ends the user's sessions, so it applies at once.
/// There is always at least one admin: the last one can be neither deleted nor demoted.
/// </summary>
public sealed class UserService(Database db, SessionService sessions)
{
    public UserView Add(CreateUserRequest request)
    {
        var name = Names.User(request.Name);
        var role = KnownRoles.Require(request.Role);
        var hash = Secrets.HashPassword(PasswordRules.Check(request.Password));
        var created = DateTimeOffset.UtcNow;
        using var c = db.Open();
        if (Exists(c, name))
            throw new ConflictException($"A user named '{name}' already exists.");
        Database.Execute(c, "INSERT INTO users (name, role, password_hash, created_at) VALUES ($n, $r, $h, $t)",
            ("$n", name), ("$r", role), ("$h", hash), ("$t", created.ToString("O")));
        return new UserView(name, role, created);
    }

    public IReadOnlyList<UserView> List()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, created_at, guests, totp_secret IS NOT NULL FROM users ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<UserView>();
        while (r.Read())
            list.Add(new UserView(r.GetString(0), r.GetString(1),
                r.IsDBNull(2) ? null : DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                GuestGrant.Parse(r.IsDBNull(3) ? null : r.GetString(3))?.Names.ToList(), r.GetBoolean(4)));
        return list;
    }

    public void SetPassword(string name, SetPasswordRequest request)
    {
        var hash = Secrets.HashPassword(PasswordRules.Check(request.Password));
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        if (Database.Execute(c, "UPDATE users SET password_hash = $h WHERE name = $n", ("$h", hash), ("$n", name)) == 0)
            throw NoSuchUser(name);
        SessionService.EndAllOf(c, name);
        tx.Commit();
        if (name == SessionService.AdminUser)
            sessions.ForgetInitialAdminPassword();
    }

    /// <summary>
    /// Sets the role and the guests the user is limited to (null: every guest). Admins cannot be limited: one who
    /// manages users could grant itself the rest.
    /// </summary>
    public UserView Grant(string name, GrantRequest request)
    {
        var role = KnownRoles.Require(request.Role);
        var grant = GuestGrant.ForRole(role, request.Guests);
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var current = RoleOf(c, name) ?? throw NoSuchUser(name);
        if (current == Roles.Admin && role != Roles.Admin)
            EnsureAnotherAdmin(c, name, "demoted");
        Database.Execute(c, "UPDATE users SET role = $r, guests = $g WHERE name = $n", ("$r", role), ("$g", grant?.ToString()), ("$n", name));
        SessionService.EndAllOf(c, name);
        tx.Commit();
        return List().Single(u => u.Name == name);
    }

    public void Delete(string name)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        if ((RoleOf(c, name) ?? throw NoSuchUser(name)) == Roles.Admin)
            EnsureAnotherAdmin(c, name, "deleted");
        Database.Execute(c, "DELETE FROM users WHERE name = $n", ("$n", name));
        SessionService.EndAllOf(c, name);
        tx.Commit();
    }

    /// <summary>Whether the user logs in with a one-time code too; null when there is no such password user.</summary>
    public bool? HasTotp(string name)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT totp_secret IS NOT NULL FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() is long on ? on != 0 : null;
    }

    public bool Exists(string name)
    {
        using var c = db.Open();
        return Exists(c, name);
    }

    private static bool Exists(SqliteConnection c, string name) =>
        Database.Scalar<long>(c, "SELECT COUNT(*) FROM users WHERE name = $n", ("$n", name)) > 0;

    private static string? RoleOf(SqliteConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT role FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        return cmd.ExecuteScalar() as string;
    }

    private static void EnsureAnotherAdmin(SqliteConnection c, string name, string what)
    {
        var others = Database.Scalar<long>(c, "SELECT COUNT(*) FROM users WHERE role = $r AND name <> $n", ("$r", Roles.Admin), ("$n", name));
        if (others == 0)
            throw new ConflictException($"'{name}' is the last admin and cannot be {what}: make another user an admin first.");
    }

    internal static NotFoundException NoSuchUser(string name) => new($"There is no user named '{Names.Printable(name)}'.");
}
