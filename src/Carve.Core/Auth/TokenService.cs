using System.Globalization;
using Carve.Contracts.Auth;
using Carve.Core.Errors;
using Carve.Core.State;

namespace Carve.Core.Auth;

/// <summary>
/// API tokens: the secret is shown once at creation; only its hash is stored. A token may be limited to some
/// guests, as a user can be. Deleting a token ends the web sessions opened with it.
/// </summary>
public sealed class TokenService(Database db)
{
    /// <summary>The caller name a token's requests and sessions carry: "token:NAME".</summary>
    public const string CallerPrefix = "token:";

    public TokenCreated Create(CreateTokenRequest request)
    {
        Validation.Names.Token(request.Name);
        var role = KnownRoles.Require(request.Role);
        var grant = GuestGrant.ForRole(role, request.Guests);
        var secret = Secrets.NewToken("carve_");
        using var c = db.Open();
        if (Database.Scalar<long>(c, "SELECT COUNT(*) FROM tokens WHERE name = $n", ("$n", request.Name)) > 0)
            throw new ConflictException($"A token named '{request.Name}' already exists; delete it first to replace it.");
        Database.Execute(c, "INSERT INTO tokens (name, role, secret_hash, created_at, guests) VALUES ($n, $r, $h, $t, $g)",
            ("$n", request.Name), ("$r", role), ("$h", Secrets.Hash(secret)), ("$t", DateTimeOffset.UtcNow.ToString("O")), ("$g", grant?.ToString()));
        return new TokenCreated(request.Name, role, secret, grant?.Names.ToList());
    }

    public IReadOnlyList<TokenView> List()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, created_at, guests FROM tokens ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<TokenView>();
        while (r.Read())
            list.Add(new TokenView(r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                GuestGrant.Parse(r.IsDBNull(3) ? null : r.GetString(3))?.Names.ToList()));
        return list;
    }

    public void Delete(string name)
    {
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        if (Database.Execute(c, "DELETE FROM tokens WHERE name = $n", ("$n", name)) == 0)
            throw new NotFoundException($"There is no token named '{Validation.Names.Printable(name)}'.");
        SessionService.EndAllOf(c, CallerPrefix + name);
        tx.Commit();
    }

    public Principal? Authenticate(string secret)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, guests FROM tokens WHERE secret_hash = $h";
        cmd.Parameters.AddWithValue("$h", Secrets.Hash(secret));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new Principal(CallerPrefix + r.GetString(0), r.GetString(1), GuestGrant.Parse(r.IsDBNull(2) ? null : r.GetString(2))) : null;
    }
}
