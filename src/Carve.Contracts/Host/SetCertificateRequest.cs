namespace Carve.Contracts.Host;

/// <summary>A certificate of the user's own for HTTPS, in PEM: the certificate (then any intermediates) and its private key.</summary>
public sealed record SetCertificateRequest
{
    public required string Certificate { get; init; }
    public required string Key { get; init; }
}
