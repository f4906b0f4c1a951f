using System.Security.Cryptography.X509Certificates;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// The built CLI (its own trimmed runtime) against carved's HTTPS port, as from another machine: a token, and carved's
/// self-signed certificate refused until it is pinned with --ca-cert or waived with --insecure.
/// </summary>
public sealed class RemoteCliTests
{
    [Fact]
    public async Task The_cli_over_https_needs_a_trusted_certificate_and_a_valid_token()
    {
        var port = FreePorts.Next();
        await using var d = await DaemonProcess.StartAsync(listen: $"127.0.0.1:{port}");
        var url = $"https://127.0.0.1:{port}";
        var secret = (await d.CarveAsync("token", "create", "automation", "--role", "operator")).EnsureSuccess().Stdout.Trim();
        (await d.CarveAsync("ct", "create", "remote-seen", "--template", "busybox", "--memory", "64")).EnsureSuccess();

        var untrusted = await RemoteAsync("--url", url, "--token", secret, "list");
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.Contains("Cannot trust the certificate", untrusted.Stderr, StringComparison.Ordinal);

        // The certificate as a user would save it from the daemon (DER), pinned.
        var pinned = Path.Combine(d.DataDir, "carved-cert.der");
        using (var pfx = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(d.DataDir, "tls", "carved.pfx"), null))
            await File.WriteAllBytesAsync(pinned, pfx.Export(X509ContentType.Cert));
        var listed = Json.Parse(await RemoteAsync("--url", url, "--token", secret, "--ca-cert", pinned, "list", "-o", "json"));
        Assert.Equal("remote-seen", listed[0].GetProperty("name").GetString());
        (await RemoteAsync("--url", url, "--token", secret, "--insecure", "ct", "start", "remote-seen")).EnsureSuccess();
        Assert.Equal("running", (await d.ShowCtAsync("remote-seen")).GetProperty("status").GetString());
        (await RemoteAsync("--url", url, "--token", secret, "--insecure", "ct", "delete", "remote-seen", "--force")).EnsureSuccess();

        var refused = await RemoteAsync("--url", url, "--token", "not-a-token", "--insecure", "list");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("The bearer token is not valid", refused.Stderr, StringComparison.Ordinal);
    }

    private static Task<CommandResult> RemoteAsync(params string[] args) => Processes.RunAsync(CarveBinaries.Cli, args);
}
