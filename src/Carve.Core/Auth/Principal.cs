using Carve.Contracts.Auth;

namespace Carve.Core.Auth;

/// <summary>
/// Who is calling and with which role. Root on the unix socket is the admin "root@local". A user limited by a grant
/// to some guests has their names in <see cref="Guests"/>; null means every guest.
/// </summary>
public sealed record Principal(string User, string Role, GuestGrant? Guests = null)
{
    public static Principal LocalRoot { get; } = new("root@local", Roles.Admin);

    /// <summary>Viewers look; operators also run guests; admins also manage tokens.</summary>
    public bool CanOperate => Role is Roles.Admin or Roles.Operator;

    public bool IsAdmin => Role == Roles.Admin;

    public bool MayUse(string guestName) => Guests is null || Guests.Contains(guestName);
}
