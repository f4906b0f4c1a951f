namespace Carve.Contracts.Auth;

/// <summary>
/// Who is calling; for cookie sessions also the CSRF token to send as X-CSRF-Token. Totp (whoami only) says whether
/// a password user logs in with a one-time code too; it is null for API tokens and root on the socket.
/// </summary>
public sealed record SessionView(string User, string Role, string? CsrfToken, bool? Totp = null);
