namespace Carve.Contracts.Auth;

/// <summary>
/// A password user (never its password, hash or TOTP secret). CreatedAt is null for the first admin of an older
/// install; Guests is null when the user may use every guest, else the names of those it is limited to. Totp says
/// whether logging in also needs a one-time code.
/// </summary>
public sealed record UserView(string Name, string Role, DateTimeOffset? CreatedAt, IReadOnlyList<string>? Guests = null, bool Totp = false);
