using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>The HTTPS certificate: TLS 1.2 and 1.3 only, and one's own certificate served without a restart.</summary>
public sealed class CertificateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;

    private sealed record Handshake(X509Certificate2 Leaf, SslProtocols Protocol, int ChainLength);

    /// <summary>A raw TLS handshake with the daemon's HTTPS port, trusting whatever it presents.</summary>
    private async Task<Handshake> ConnectAsync(SslProtocols protocols = SslProtocols.None)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.HttpsBase.Host, Server.HttpsBase.Port);
        var chainLength = 0;
#pragma warning disable CA5359 // the test looks at what the daemon presents; whether a client would trust it is not the point
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, chain, _) =>
        {
            chainLength = chain?.ChainElements.Count ?? 0;
            return true;
        });
#pragma warning restore CA5359
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", EnabledSslProtocols = protocols });
        return new Handshake(new X509Certificate2(tls.RemoteCertificate!), tls.SslProtocol, chainLength);
    }

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>A root, an intermediate it signs, and a server certificate the intermediate signs, with the server's key.</summary>
    private static (X509Certificate2 Leaf, X509Certificate2 Intermediate, string KeyPem) Chain(
        DateTimeOffset? notAfter = null, string usage = "1.3.6.1.5.5.7.3.1")
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddYears(5));

        using var midKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var midRequest = new CertificateRequest("CN=Test Intermediate", midKey, HashAlgorithmName.SHA256);
        midRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var midPublic = midRequest.Create(root, DateTimeOffset.UtcNow.AddDays(-5), DateTimeOffset.UtcNow.AddYears(4), [1, 2, 3]);
        var intermediate = midPublic.CopyWithPrivateKey(midKey);

        var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=carve.lan", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("carve.lan");
        names.AddDnsName("localhost");
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var leaf = leafRequest.Create(intermediate, DateTimeOffset.UtcNow.AddDays(-2), notAfter ?? DateTimeOffset.UtcNow.AddYears(1), [4, 5, 6]);
        return (leaf, intermediate, leafKey.ExportPkcs8PrivateKeyPem());
    }

    private async Task<HttpResponseMessage> Put(string certificate, string key) =>
        await Server.Socket.PutAsync("/api/v1/host/certificate", Rest.Json(new { certificate, key }));

    // TLS 1.0 and 1.1 cannot be tried from here: this host's OpenSSL refuses them on the client side before the daemon
    // is asked, so such a test could not fail. carved sets TLS 1.2 and 1.3 itself (CarveDaemon.TlsOptions) for hosts
    // whose OpenSSL still allows the old ones.
    [Fact]
    public async Task Tls_12_and_13_are_served_and_the_shown_certificate_is_the_served_one()
    {
        Assert.Equal(SslProtocols.Tls12, (await ConnectAsync(SslProtocols.Tls12)).Protocol);
        var handshake = await ConnectAsync(SslProtocols.Tls13);
        Assert.Equal(SslProtocols.Tls13, handshake.Protocol);

        using var shown = await Server.Socket.GetAsync("/api/v1/host/certificate");
        var view = await Rest.ReadJson(shown);
        Assert.Equal(handshake.Leaf.GetCertHashString(HashAlgorithmName.SHA256), ((string)view["sha256Fingerprint"]!).Replace(":", ""));
    }

    [Fact]
    public async Task Ones_own_certificate_with_its_intermediate_serves_the_next_connection_and_survives_in_the_data_dir()
    {
        var (leaf, intermediate, key) = Chain();
        using (var set = await Put(Pem(leaf) + Pem(intermediate), key))
        {
            await Rest.ExpectStatus(set, HttpStatusCode.OK);
            var view = await Rest.ReadJson(set);
            Assert.Equal("CN=carve.lan", (string?)view["subject"]);
            Assert.False((bool)view["selfSigned"]!);
        }

        var handshake = await ConnectAsync();
        Assert.Equal(leaf.Thumbprint, handshake.Leaf.Thumbprint);
        Assert.True(handshake.ChainLength >= 2, $"the intermediate should come along; the chain had {handshake.ChainLength} element(s)");
        var kept = X509CertificateLoader.LoadPkcs12CollectionFromFile(Path.Combine(Server.Dirs.Data, "tls", "carved.pfx"), null);
        Assert.Contains(kept, c => c.Thumbprint == leaf.Thumbprint && c.HasPrivateKey);
        Assert.Contains(kept, c => c.Thumbprint == intermediate.Thumbprint);

        using var reset = await Server.Socket.DeleteAsync("/api/v1/host/certificate");
        await Rest.ExpectStatus(reset, HttpStatusCode.OK);
        Assert.True((bool)(await Rest.ReadJson(reset))["selfSigned"]!);
        Assert.NotEqual(leaf.Thumbprint, (await ConnectAsync()).Leaf.Thumbprint);
    }

    [Fact]
    public async Task A_bad_certificate_is_a_400_and_the_served_one_stays()
    {
        var before = (await ConnectAsync()).Leaf.Thumbprint;
        var (leaf, _, key) = Chain();
        var (_, _, otherKey) = Chain();
        var (expired, _, expiredKey) = Chain(notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var (clientOnly, _, clientKey) = Chain(usage: "1.3.6.1.5.5.7.3.2");

        Assert.Contains("matching private key", await Rest.ExpectProblem(await Put(Pem(leaf), otherKey), HttpStatusCode.BadRequest));
        Assert.Contains("not valid PEM", await Rest.ExpectProblem(await Put("hello", key), HttpStatusCode.BadRequest), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expired on", await Rest.ExpectProblem(await Put(Pem(expired), expiredKey), HttpStatusCode.BadRequest));
        Assert.Contains("not for TLS servers", await Rest.ExpectProblem(await Put(Pem(clientOnly), clientKey), HttpStatusCode.BadRequest));

        Assert.Equal(before, (await ConnectAsync()).Leaf.Thumbprint);
    }

    [Fact]
    public async Task Only_an_admin_may_change_it()
    {
        using var token = await Server.Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "ops", role = "operator" }));
        var secret = (string)(await Rest.ReadJson(token))["secret"]!;
        var (leaf, _, key) = Chain();
        using var refused = await Server.Https(secret).PutAsync("/api/v1/host/certificate", Rest.Json(new { certificate = Pem(leaf), key }));
        await Rest.ExpectProblem(refused, HttpStatusCode.Forbidden);
    }
}
