namespace Carve.Client.Connection;

/// <summary>Where carved is and how to authenticate: a local unix socket, or a URL with a bearer token.</summary>
public sealed record CarveConnection
{
    public const string DefaultSocketPath = "/run/carve/carved.sock";

    /// <summary>The unix socket; when set, <see cref="Url"/> is ignored and no token is needed.</summary>
    public string? SocketPath { get; init; }

    public Uri? Url { get; init; }

    public string? Token { get; init; }

    /// <summary>Accept any server certificate (carved makes a self-signed one on first start).</summary>
    public bool Insecure { get; init; }

    /// <summary>A PEM or DER certificate file; the server must present exactly this certificate.</summary>
    public string? PinnedCertificatePath { get; init; }

    public bool IsUnixSocket => SocketPath is not null;

    /// <summary>Requests over the socket still need a host in the URI; it is never resolved.</summary>
    public Uri BaseAddress => SocketPath is not null
        ? new Uri("http://localhost/")
        : WithTrailingSlash(Url ?? throw new InvalidOperationException("A connection needs a socket path or a URL."));

    public static CarveConnection ForSocket(string path) => new() { SocketPath = path };

    public static CarveConnection ForUrl(Uri url, string? token, bool insecure = false, string? pinnedCertificatePath = null) =>
        new() { Url = url, Token = token, Insecure = insecure, PinnedCertificatePath = pinnedCertificatePath };

    /// <summary>Where carved was looked for, as said in error messages.</summary>
    public string Describe() => SocketPath ?? Url?.ToString() ?? "(nowhere)";

    /// <summary>A base like https://host/carve must end in '/' or relative paths replace its last segment.</summary>
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
