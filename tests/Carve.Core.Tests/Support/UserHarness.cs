using Carve.Contracts.Auth;
using Carve.Core.Auth;
using Carve.Core.Configuration;

namespace Carve.Core.Tests.Support;

/// <summary>Users and sessions over a real, migrated database of their own.</summary>
internal sealed class UserHarness : IDisposable
{
    public const string Password = "correct horse battery";
    private readonly TestDatabase _db = new();

    public UserHarness()
    {
        Sessions = new SessionService(_db.Db, new CarveOptions { DataDir = _db.Dir }, Clock);
        Users = new UserService(_db.Db, Sessions);
        Totp = new TotpService(_db.Db, Clock);
    }

    public ManualClock Clock { get; } = new();
    public TotpService Totp { get; }

    public SessionService Sessions { get; }
    public UserService Users { get; }

    public UserView Add(string name, string role = Roles.Operator) =>
        Users.Add(new CreateUserRequest { Name = name, Role = role, Password = Password });

    /// <summary>The principal a fresh login of the user gets.</summary>
    public Principal LoginAs(string name) => Sessions.Find(Sessions.Login(name, Password).Cookie!)!.Value.Principal;

    public void Dispose() => _db.Dispose();
}
