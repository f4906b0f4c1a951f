using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Carve.Contracts.Host;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Host.Files;

namespace Carve.Core.Tls;

/// <summary>
/// The HTTPS certificate: self-signed on first use and kept in DATA/tls/carved.pfx (0600), or one of the user's own,
/// with its intermediates, set through the API. Kestrel asks for <see cref="Context"/> at each TLS handshake, so a new
/// one serves new connections at once, with no restart.
/// </summary>
public sealed class TlsCertificates(CarveOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private SslStreamCertificateContext? _context;

    private string Dir => Path.Combine(options.DataDir, "tls");
    public string PfxPath => Path.Combine(Dir, "carved.pfx");

    /// <summary>The certificate with its key and the intermediates sent along with it.</summary>
    public SslStreamCertificateContext Context
    {
        get
        {
            lock (_gate)
            {
                if (_context is null)
                {
                    if (!File.Exists(PfxPath))
                    {
                        using var created = SelfSigned();
                        Save(created, []);
                    }
                    _context = Load();
                }
                return _context;
            }
        }
    }

    /// <summary>Loads the certificate, or makes the self-signed one on a first start, before the first client comes.</summary>
    public void Prepare() => GC.KeepAlive(Context);

    public CertificateView Describe() => View(Context.TargetCertificate);

    /// <summary>Checks the PEM pair (parses, key matches, valid now, usable for a server), then keeps and serves it.</summary>
    public CertificateView Replace(SetCertificateRequest request)
    {
        using var leaf = Parse(request);
        var now = time.GetUtcNow().UtcDateTime;
        if (leaf.NotAfter.ToUniversalTime() < now)
            throw new BadRequestException($"The certificate expired on {leaf.NotAfter.ToUniversalTime():yyyy-MM-dd}.");
        if (leaf.NotBefore.ToUniversalTime() > now)
            throw new BadRequestException($"The certificate is not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.");
        if (leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usage
            && !usage.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthentication))
            throw new BadRequestException("The certificate is not for TLS servers (its extended key usage leaves out serverAuth).");
        var intermediates = new X509Certificate2Collection();
        intermediates.ImportFromPem(request.Certificate);
        return Install(leaf, intermediates.Skip(1).ToList());
    }

    /// <summary>Back to a new self-signed certificate.</summary>
    public CertificateView Reset()
    {
        using var created = SelfSigned();
        return Install(created, []);
    }

    private CertificateView Install(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates)
    {
        lock (_gate)
        {
            Save(leaf, intermediates);
            _context = Load();
            return View(_context.TargetCertificate);
        }
    }

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    private static X509Certificate2 Parse(SetCertificateRequest request)
    {
        try
        {
            using var alone = X509Certificate2.CreateFromPem(request.Certificate);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new BadRequestException($"The certificate is not valid PEM: {e.Message.TrimEnd('.')}.");
        }
        try
        {
            return X509Certificate2.CreateFromPem(request.Certificate, request.Key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new BadRequestException($"The key is not the certificate's matching private key in PEM: {e.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>Writes the certificate, its key and the intermediates to the pfx file: a new file renamed over the old.</summary>
    private void Save(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates)
    {
        Directory.CreateDirectory(Dir, FileModes.OwnerOnlyDirectory);
        var bundle = new X509Certificate2Collection(leaf);
        bundle.AddRange(intermediates.ToArray());
        var next = PfxPath + ".new";
        FileModes.WriteSecret(next, bundle.Export(X509ContentType.Pfx)!);
        File.Move(next, PfxPath, overwrite: true);
    }

    private SslStreamCertificateContext Load()
    {
        var bundle = X509CertificateLoader.LoadPkcs12CollectionFromFile(PfxPath, null);
        var leaf = bundle.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidDataException($"{PfxPath} holds no certificate with its private key.");
        var intermediates = new X509Certificate2Collection(bundle.Where(c => !ReferenceEquals(c, leaf)).ToArray());
        // offline: the chain is what the file holds; carved does not fetch missing intermediates from the network.
        return SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={Environment.MachineName}, O=Carve", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Environment.MachineName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication)], false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
    }

    private static CertificateView View(X509Certificate2 certificate) => new()
    {
        Subject = certificate.Subject,
        Issuer = certificate.Issuer,
        NotBefore = certificate.NotBefore.ToUniversalTime(),
        NotAfter = certificate.NotAfter.ToUniversalTime(),
        Sha256Fingerprint = string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
        Names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString()))).ToList(),
        SelfSigned = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData),
    };
}
