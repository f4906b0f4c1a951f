namespace Carve.Api.Auth;

/// <summary>How a caller came in: the authentication type of its identity.</summary>
public static class CallerDoor
{
    /// <summary>The 0600 unix socket: only root can connect, so the caller is local root.</summary>
    public const string UnixSocket = "unix-socket";
    public const string BearerToken = "bearer-token";
    /// <summary>A browser's session cookie: changes also need the session's CSRF header.</summary>
    public const string SessionCookie = "session-cookie";
}
