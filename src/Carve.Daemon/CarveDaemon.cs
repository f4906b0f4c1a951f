using System.Net.Security;
using System.Runtime;
using System.Security.Authentication;
using Carve.Api;
using Carve.Api.Auth;
using Carve.Core;
using Carve.Core.Auth;
using Carve.Core.Configuration;
using Carve.Core.State;
using Carve.Core.Storage;
using Carve.Core.Tls;
using Carve.Daemon.Options;
using Carve.Host.Files;
using Carve.Host.Processes;
using Carve.Lxc;
using Carve.Network;
using Carve.Qemu;
using Carve.Storage;
using Carve.Transfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Carve.Daemon;

/// <summary>Composes and starts carved; tests start the whole server in-process through this class too.</summary>
public static class CarveDaemon
{
    /// <param name="source">The options as the config file and the flags made them; validated before anything is touched.</param>
    /// <param name="extraServices">Services a test or the build's OpenAPI tool adds (carved itself adds none).</param>
    /// <param name="extraEndpoints">Endpoints a test maps besides the API's (carved itself maps none).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are not valid.</exception>
    public static async Task<WebApplication> StartAsync(
        CarveOptions source, Action<string>? announce = null, Action<IEndpointRouteBuilder>? extraEndpoints = null,
        Action<IServiceCollection>? extraServices = null, CancellationToken ct = default)
    {
        var options = CarveOptionsServiceCollectionExtensions.Validated(source);
        Directory.CreateDirectory(options.DataDir, FileModes.OwnerOnlyDirectory);
        Directory.CreateDirectory(options.RunDir, FileModes.OwnerOnlyDirectory);
        Directory.CreateDirectory(options.ImagesDir);
        Directory.CreateDirectory(options.LogsDir);
        File.Delete(options.SocketPath);
        var qemuVersion = await QemuVersionReader.ReadAsync(new ProcessRunner(), options.QemuBinary);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The scheme notes every refused request at Information; the 401 answers say it to the caller already.
        builder.Logging.AddFilter(typeof(CarveAuthenticationHandler).FullName, LogLevel.Warning);
        // Under systemd (carved.service, Type=notify): READY=1 once the API listens, STOPPING=1 on SIGTERM, and log lines
        // with journald priorities. Started any other way this does nothing.
        builder.Services.AddSystemd();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenUnixSocket(options.SocketPath, listen => listen.MarkTrusted());
            if (ListenAddress.Parse(options.Listen) is { } endpoint)
            {
                var certificates = kestrel.ApplicationServices.GetRequiredService<TlsCertificates>();
                certificates.Prepare();
                kestrel.Listen(endpoint, listen => listen.UseHttps(TlsOptions(certificates)));
            }
        });
        builder.Services
            .AddCarveCore(options)
            .AddCarveStorage()
            .AddCarveQemu(qemuVersion)
            .AddCarveLxc()
            .AddCarveNetwork()
            .AddCarveTransfer()
            .AddCarveApi()
            .AddCarveOptions(options);
        extraServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Services.GetRequiredService<StoragePools>().InitializeAll();
        await app.Services.GetRequiredService<StartupRecovery>().RunAsync(ct);
        await app.Services.GetRequiredService<Core.Templates.ITemplateStore>().RecoverAsync(ct);
        await app.Services.GetRequiredService<Core.Networks.NetworkService>().ApplyAllAsync(ct);
        if (app.Services.GetRequiredService<SessionService>().EnsureAdmin() is { } password)
            announce?.Invoke($"First start: log in as 'admin' with password {password} (also in {Path.Combine(options.DataDir, "admin-password")}, mode 0600).");
        app.UseCarveApi();
        extraEndpoints?.Invoke(app);
        await app.StartAsync(ct);
        // The socket is the root-only door to the API: nobody else may even connect.
        File.SetUnixFileMode(options.SocketPath, FileModes.OwnerOnly);
        await RouteTableWarmUp.RunAsync(options.SocketPath, ct);
        app.Services.GetRequiredService<Core.Boot.BootStart>().Run();
        // Start-up builds much that is garbage once the daemon serves (DI graphs, the route matcher, recovery's reads);
        // a daemon that then idles for days should not keep that memory committed.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return app;
    }

    /// <summary>
    /// TLS 1.2 and 1.3 only, and the certificate asked for at each handshake, so that one set through the API serves
    /// new connections without a restart.
    /// </summary>
    private static TlsHandshakeCallbackOptions TlsOptions(TlsCertificates certificates) => new()
    {
        OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = certificates.Context,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        }),
    };
}
