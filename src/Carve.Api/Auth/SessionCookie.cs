namespace Carve.Api.Auth;

public static class SessionCookie
{
    public const string Name = "carve_session";
    public const string CsrfHeader = "X-CSRF-Token";
}
