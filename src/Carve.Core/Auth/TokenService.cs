using System.Globalization;
using Carve.Contracts.Auth;
using Carve.Core.Errors;
using Carve.Core.State;

namespace Carve.Core.Auth;

/// <summary>API tokens: the secret is shown once at creation; only its hash is stored.</summary>
public sealed class TokenService(Database db)
{
    public TokenCreated Create(CreateTokenRequest request)
    {
        Validation.Names.Token(request.Name);
        KnownRoles.Require(request.Role);
        var secret = Secrets.NewToken("carve_");
        using var c = db.Open();
        if (Database.Scalar<long>(c, "SELECT COUNT(*) FROM tokens WHERE name = $n", ("$n", request.Name)) > 0)
            throw new ConflictException($"A token named '{request.Name}' already exists; delete it first to replace it.");
        Database.Execute(c, "INSERT INTO tokens (name, role, secret_hash, created_at) VALUES ($n, $r, $h, $t)",
            ("$n", request.Name), ("$r", request.Role), ("$h", Secrets.Hash(secret)), ("$t", DateTimeOffset.UtcNow.ToString("O")));
        return new TokenCreated(request.Name, request.Role, secret);
    }

    public IReadOnlyList<TokenView> List()
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, created_at FROM tokens ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<TokenView>();
        while (r.Read())
            list.Add(new TokenView(r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture)));
        return list;
    }

    public void Delete(string name)
    {
        using var c = db.Open();
        if (Database.Execute(c, "DELETE FROM tokens WHERE name = $n", ("$n", name)) == 0)
            throw new NotFoundException($"There is no token named '{Validation.Names.Printable(name)}'.");
    }

    public Principal? Authenticate(string secret)
    {
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role FROM tokens WHERE secret_hash = $h";
        cmd.Parameters.AddWithValue("$h", Secrets.Hash(secret));
        using var r = cmd.ExecuteReader();
        return r.Read() ? new Principal("token:" + r.GetString(0), r.GetString(1)) : null;
    }
}
