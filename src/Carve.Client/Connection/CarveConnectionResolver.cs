using Carve.Client.Errors;

namespace Carve.Client.Connection;

/// <summary>
/// Picks the connection: flags beat the environment, and a socket beats a URL at the same level.
/// So --socket, then --url, then CARVE_SOCKET, then CARVE_URL, then the default socket.
/// </summary>
public static class CarveConnectionResolver
{
    public const string SocketVariable = "CARVE_SOCKET";
    public const string UrlVariable = "CARVE_URL";
    public const string TokenVariable = "CARVE_TOKEN";
    public const string InsecureVariable = "CARVE_INSECURE";
    public const string PinnedCertificateVariable = "CARVE_CA_CERT";

    public static CarveConnection Resolve(ConnectionFlags flags) => Resolve(flags, Environment.GetEnvironmentVariable);

    public static CarveConnection Resolve(ConnectionFlags flags, Func<string, string?> environment)
    {
        if (NonEmpty(flags.Socket) is not null && NonEmpty(flags.Url) is not null)
            throw new CarveConfigurationException("Give either --socket or --url, not both.");

        if (NonEmpty(flags.Socket) is { } socket)
            return CarveConnection.ForSocket(socket);
        if (NonEmpty(flags.Url) is { } url)
            return ForUrl(url, "--url", flags, environment);
        if (NonEmpty(environment(SocketVariable)) is { } envSocket)
            return CarveConnection.ForSocket(envSocket);
        if (NonEmpty(environment(UrlVariable)) is { } envUrl)
            return ForUrl(envUrl, UrlVariable, flags, environment);
        return CarveConnection.ForSocket(CarveConnection.DefaultSocketPath);
    }

    private static CarveConnection ForUrl(string text, string source, ConnectionFlags flags, Func<string, string?> environment)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new CarveConfigurationException($"The {source} '{text}' is not an http(s) URL like https://host:8006.");
        var token = NonEmpty(flags.Token) ?? NonEmpty(environment(TokenVariable));
        var insecure = flags.Insecure || IsTrue(environment(InsecureVariable));
        var pinned = NonEmpty(flags.PinnedCertificate) ?? NonEmpty(environment(PinnedCertificateVariable));
        return CarveConnection.ForUrl(url, token, insecure, pinned is null ? null : Path.GetFullPath(pinned));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsTrue(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
}
