using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Carve.Host.Files;

namespace Carve.Daemon;

/// <summary>The HTTPS certificate: self-signed on first start and kept in the data dir (0600) after that.</summary>
public static class TlsCertificate
{
    public static X509Certificate2 LoadOrCreate(string dataDir)
    {
        var dir = Path.Combine(dataDir, "tls");
        Directory.CreateDirectory(dir, FileModes.OwnerOnlyDirectory);
        var path = Path.Combine(dir, "carved.pfx");
        if (File.Exists(path))
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={Environment.MachineName}, O=Carve", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Environment.MachineName);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var pfx = certificate.Export(X509ContentType.Pfx);
        FileModes.WriteSecret(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, null);
    }
}
