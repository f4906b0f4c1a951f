using System.Globalization;
using Carve.Contracts.Auth;
using Carve.Core.Configuration;
using Carve.Core.State;
using Carve.Host.Files;
using Microsoft.Data.Sqlite;

namespace Carve.Core.Auth;

/// <summary>Password logins for the web UI: users, and cookie sessions that carry a CSRF token. The clock checks one-time codes.</summary>
public sealed class SessionService(Database db, CarveOptions options, TimeProvider? time = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public const string AdminUser = "admin";

    public string AdminPasswordFile => Path.Combine(options.DataDir, "admin-password");

    /// <summary>
    /// On first start (no users at all): makes the admin user with a random password, kept in a 0600 file. Returns it
    /// only then. Once other users exist, "admin" may be deleted and is not made again.
    /// </summary>
    public string? EnsureAdmin()
    {
        using var c = db.Open();
        if (Database.Scalar<long>(c, "SELECT COUNT(*) FROM users") > 0)
            return null;
        var password = Secrets.NewToken("")[..20];
        FileModes.WriteSecret(AdminPasswordFile, password + "\n");
        Database.Execute(c, "INSERT INTO users (name, role, password_hash, created_at) VALUES ($n, $r, $h, $t)",
            ("$n", AdminUser), ("$r", Roles.Admin), ("$h", Secrets.HashPassword(password)), ("$t", DateTimeOffset.UtcNow.ToString("O")));
        return password;
    }

    /// <summary>The file holds only the first password: once it is changed, the file would mislead.</summary>
    public void ForgetInitialAdminPassword() => File.Delete(AdminPasswordFile);

    /// <summary>Ends every session of a user (on the caller's connection, inside its transaction).</summary>
    public static void EndAllOf(SqliteConnection c, string user) =>
        Database.Execute(c, "DELETE FROM sessions WHERE user = $u", ("$u", user));

    /// <summary>
    /// A new session for the right password and, for a user with a TOTP second factor, an unspent current code.
    /// Only after the right password does the answer say that a code is needed.
    /// </summary>
    public LoginResult Login(string user, string password, string? code = null)
    {
        using var c = db.Open();
        if (Check(c, user, password) is not { } found)
            return LoginResult.Refused(LoginFailure.WrongPassword);
        if (found.TotpSecret is { } secret)
        {
            if (string.IsNullOrEmpty(code))
                return LoginResult.Refused(LoginFailure.CodeNeeded);
            if (!TotpService.Accept(c, user, secret, code, (time ?? TimeProvider.System).GetUtcNow()))
                return LoginResult.Refused(LoginFailure.WrongCode);
        }
        var (cookie, session) = Open(new Principal(user, found.Role, found.Grant));
        return new LoginResult(null, cookie, session);
    }

    /// <summary>Whether this is the user's password (as costly for an unknown user), for changes that ask for it again.</summary>
    public bool IsPassword(string user, string password)
    {
        using var c = db.Open();
        return Check(c, user, password) is not null;
    }

    private sealed record PasswordUser(string Role, GuestGrant? Grant, string? TotpSecret);

    /// <summary>The user, if the password is right; a hash made with an older cost is upgraded on the way.</summary>
    private static PasswordUser? Check(SqliteConnection c, string user, string password)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT role, password_hash, guests, totp_secret FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", user);
        string hash;
        PasswordUser found;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                // Same work as a real check, so timing does not tell which users exist.
                Secrets.VerifyNothing(password);
                return null;
            }
            hash = r.GetString(1);
            found = new PasswordUser(r.GetString(0), GuestGrant.Parse(r.IsDBNull(2) ? null : r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3));
        }
        if (!Secrets.VerifyPassword(password, hash))
            return null;
        if (Secrets.IsWeakerThanCurrent(hash))
            Database.Execute(c, "UPDATE users SET password_hash = $h WHERE name = $n AND password_hash = $old",
                ("$h", Secrets.HashPassword(password)), ("$n", user), ("$old", hash));
        return found;
    }

    /// <summary>A new session for someone already authenticated (e.g. by an API token): (cookie value, session).</summary>
    public (string Cookie, SessionView Session) Open(Principal principal)
    {
        var (user, role) = (principal.User, principal.Role);
        using var c = db.Open();
        var cookie = Secrets.NewToken("");
        var csrf = Secrets.NewToken("");
        Database.Execute(c, "DELETE FROM sessions WHERE expires_at < $now", ("$now", DateTimeOffset.UtcNow.ToString("O")));
        Database.Execute(c, "INSERT INTO sessions (id_hash, user, role, csrf, expires_at) VALUES ($id, $u, $r, $c, $e)",
            ("$id", Secrets.Hash(cookie)), ("$u", user), ("$r", role), ("$c", csrf),
            ("$e", DateTimeOffset.UtcNow.Add(Lifetime).ToString("O")));
        return (cookie, new SessionView(user, role, csrf));
    }

    public (Principal Principal, string Csrf)? Find(string cookie)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        // The grant is read live from the user, or from the token a token login was made with: a change applies at
        // once. A session whose token is gone ends with it.
        cmd.CommandText = """
            SELECT s.user, s.role, s.csrf, s.expires_at, COALESCE(u.guests, t.guests), t.name IS NULL AND s.user LIKE 'token:%'
            FROM sessions s
            LEFT JOIN users u ON u.name = s.user
            LEFT JOIN tokens t ON $prefix || t.name = s.user
            WHERE s.id_hash = $id
            """;
        cmd.Parameters.AddWithValue("$id", Secrets.Hash(cookie));
        cmd.Parameters.AddWithValue("$prefix", TokenService.CallerPrefix);
        using var r = cmd.ExecuteReader();
        if (!r.Read() || DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow || r.GetBoolean(5))
            return null;
        return (new Principal(r.GetString(0), r.GetString(1), GuestGrant.Parse(r.IsDBNull(4) ? null : r.GetString(4))), r.GetString(2));
    }

    public void Logout(string cookie)
    {
        using var c = db.Open();
        Database.Execute(c, "DELETE FROM sessions WHERE id_hash = $id", ("$id", Secrets.Hash(cookie)));
    }
}
