using System.Diagnostics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Carve.Bench;
using Carve.Contracts.Auth;

/// <summary>
/// A full-screen VNC update of a running VM: straight from QEMU's VNC unix socket, against through carved's
/// authenticated WebSocket proxy over HTTPS (what noVNC in the web UI uses).
/// </summary>
internal static class VncProxyBench
{
    public static async Task RunAsync(string outDir, string cache, int frames)
    {
        var port = 18000 + Random.Shared.Next(1000);
        await using var daemon = await BenchDaemon.StartAsync(outDir, cache, listen: $"127.0.0.1:{port}");
        await VmFactory.CreateAsync(daemon.Client, VmFactory.DirectBoot("screen", cache));
        await daemon.Client.WaitTaskAsync((await daemon.Client.StartVmAsync("screen", CancellationToken.None)).TaskId, CancellationToken.None);
        var token = (await daemon.Client.CreateTokenAsync(new CreateTokenRequest { Name = "bench", Role = "operator" }, CancellationToken.None)).Secret;
        var vm = (await daemon.Client.ListVmsAsync(CancellationToken.None)).Single();
        await Task.Delay(TimeSpan.FromSeconds(5)); // let the guest draw its boot text

        var raw = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await raw.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(daemon.Root, "run", "qemu", vm.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "vnc.sock")));
        await using var rawStream = new NetworkStream(raw, ownsSocket: true);
        var (rawTimes, bytes) = await TimeFramesAsync(rawStream, frames);

        using var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        // Trust exactly the daemon's own self-signed certificate.
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(daemon.Root, "data", "tls", "carved.pfx"), null);
        var hash = certificate.GetCertHashString();
        ws.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == hash;
        await ws.ConnectAsync(new Uri($"wss://127.0.0.1:{port}/api/v1/vms/screen/vnc"), CancellationToken.None);
        await using var proxied = WebSocketStream.Create(ws, WebSocketMessageType.Binary, ownsWebSocket: false);
        var (proxyTimes, _) = await TimeFramesAsync(proxied, frames);

        Console.WriteLine($"## Full-screen VNC update ({bytes / 1024} KiB raw pixels), {frames} frames");
        Console.WriteLine($"QEMU unix socket directly:        {Stats.Summary(rawTimes)}, p99 {Stats.Ms(Stats.Percentile(rawTimes, 99))}");
        Console.WriteLine($"through carved (wss, HTTP/1.1):   {Stats.Summary(proxyTimes)}, p99 {Stats.Ms(Stats.Percentile(proxyTimes, 99))}");
        Console.WriteLine();
    }

    private static async Task<(List<double> Times, long Bytes)> TimeFramesAsync(Stream stream, int frames)
    {
        var probe = new RfbProbe(stream);
        await probe.HandshakeAsync();
        await probe.FullFrameAsync(); // warm-up
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < frames; i++)
        {
            var sw = Stopwatch.StartNew();
            bytes = await probe.FullFrameAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (times, bytes);
    }
}
