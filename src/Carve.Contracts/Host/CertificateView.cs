namespace Carve.Contracts.Host;

/// <summary>The HTTPS certificate carved presents on its --listen address.</summary>
public sealed record CertificateView
{
    public required string Subject { get; init; }
    public required string Issuer { get; init; }
    public DateTimeOffset NotBefore { get; init; }
    public DateTimeOffset NotAfter { get; init; }
    /// <summary>SHA-256 of the certificate, colon-separated hex, as browsers show it.</summary>
    public required string Sha256Fingerprint { get; init; }
    /// <summary>The DNS names and IP addresses it is valid for.</summary>
    public required IReadOnlyList<string> Names { get; init; }
    public bool SelfSigned { get; init; }
}
