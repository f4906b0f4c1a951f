namespace Carve.Contracts.Auth;

/// <summary>Who is calling; for cookie sessions also the CSRF token to send as X-CSRF-Token.</summary>
public sealed record SessionView(string User, string Role, string? CsrfToken);
