using System.Diagnostics;
using System.Net.Sockets;
using Carve.Client;
using Carve.Client.Connection;

namespace Carve.Bench;

/// <summary>A real out/carved in throwaway dirs, as the user would run it.</summary>
internal sealed class BenchDaemon : IAsyncDisposable
{
    private readonly Process _process;

    private BenchDaemon(string root, Process process)
    {
        Root = root;
        _process = process;
        Client = new CarveClient(CarveConnection.ForSocket(Socket));
    }

    public string Root { get; }
    public string Socket => Path.Combine(Root, "run", "carved.sock");
    public int Pid => _process.Id;
    public CarveClient Client { get; }

    /// <summary>A plain HTTP client over the daemon's unix socket, as an automation tool would use it.</summary>
    public HttpClient Http() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var s = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(Socket), ct);
            return new NetworkStream(s, ownsSocket: true);
        },
    }) { BaseAddress = new Uri("http://localhost") };

    /// <param name="extraConfig">More config file members, e.g. <c>"reserved": {...}</c>.</param>
    public static async Task<BenchDaemon> StartAsync(string outDir, string imageRoot, string? extraConfig = null)
    {
        var root = Directory.CreateTempSubdirectory("carve-bench-").FullName;
        var config = Path.Combine(root, "carved.json");
        var extra = extraConfig is null ? "" : ", " + extraConfig;
        await File.WriteAllTextAsync(config, $$"""{"imageRoots": ["{{imageRoot}}"]{{extra}}}""");
        var psi = new ProcessStartInfo(Path.Combine(outDir, "carved"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--data-dir", Path.Combine(root, "data"), "--run-dir", Path.Combine(root, "run"), "--listen", "none", "--config", config })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new BenchDaemon(root, process);
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(daemon.Socket) && await CanConnectAsync(daemon.Socket))
                return daemon;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("carved did not start");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var vm in await Client.ListVmsAsync(CancellationToken.None))
            if (vm.Status == "running")
                await Client.WaitTaskAsync((await Client.StopVmAsync(vm.Name, CancellationToken.None)).TaskId, CancellationToken.None);
        _process.Kill();
        await _process.WaitForExitAsync();
        Client.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static async Task<bool> CanConnectAsync(string path)
    {
        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
