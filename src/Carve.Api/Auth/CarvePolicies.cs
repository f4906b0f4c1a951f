namespace Carve.Api.Auth;

/// <summary>The authorization policies, one per kind of route group (applied where the groups are mapped).</summary>
public static class CarvePolicies
{
    /// <summary>Guests, storage, networks, tasks...: viewers read, operators and admins also change and open consoles.</summary>
    public const string Api = "carve-api";
    /// <summary>An export's files, whole guest disks: operators and admins only, even to read.</summary>
    public const string Downloads = "carve-downloads";
    /// <summary>API tokens, users and the audit log: admins only.</summary>
    public const string Admin = "carve-admin";
    /// <summary>The caller's own session (whoami, logout): any role, viewers included, may end it.</summary>
    public const string OwnSession = "carve-own-session";
}
