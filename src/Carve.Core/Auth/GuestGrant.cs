using Carve.Contracts.Auth;
using Carve.Core.Errors;

namespace Carve.Core.Auth;

/// <summary>
/// The guests a user is limited to, by name. Stored as the names joined by commas (which no guest name holds); a
/// guest deleted and made again under the same name is in the grant again.
/// </summary>
public sealed record GuestGrant
{
    private readonly SortedSet<string> _names;

    private GuestGrant(IEnumerable<string> names) => _names = new SortedSet<string>(names, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    public bool Contains(string guestName) => _names.Contains(guestName);

    /// <summary>Checked guest names (they need not exist yet), or a 400.</summary>
    public static GuestGrant Of(IEnumerable<string> names)
    {
        var list = names.Select(n => Validation.Names.Guest(n?.Trim())).ToList();
        return list.Count > 0 ? new GuestGrant(list) : throw new BadRequestException("A grant names at least one guest; leave the guests out to allow every guest.");
    }

    /// <summary>
    /// The grant of a user or token with this role: null (every guest) when no guests are named. Admins cannot be
    /// limited: one who manages users and tokens could grant itself the rest.
    /// </summary>
    public static GuestGrant? ForRole(string role, IEnumerable<string>? guests)
    {
        if (guests is null)
            return null;
        var grant = Of(guests);
        return role != Roles.Admin ? grant
            : throw new BadRequestException("An admin cannot be limited to some guests (it could grant itself the rest): use operator or viewer.");
    }

    public static GuestGrant? Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : new GuestGrant(stored.Split(','));

    public override string ToString() => string.Join(',', _names);

    public bool Equals(GuestGrant? other) => other is not null && _names.SetEquals(other._names);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
