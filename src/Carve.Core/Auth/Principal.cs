using Carve.Contracts.Auth;

namespace Carve.Core.Auth;

/// <summary>Who is calling and with which role. Root on the unix socket is the admin "root@local".</summary>
public sealed record Principal(string User, string Role)
{
    public static Principal LocalRoot { get; } = new("root@local", Roles.Admin);

    /// <summary>Viewers look; operators also run guests; admins also manage tokens.</summary>
    public bool CanOperate => Role is Roles.Admin or Roles.Operator;

    public bool IsAdmin => Role == Roles.Admin;
}
