using System.Diagnostics;
using System.Net.Sockets;
using Carve.Client;
using Carve.Client.Connection;

namespace Carve.Bench;

/// <summary>A real out/carved in throwaway dirs, as the user would run it.</summary>
internal sealed class BenchDaemon : IAsyncDisposable
{
    private readonly string[] _argv;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new(); // carved's last lines
    private Process _process = null!;

    private BenchDaemon(string root, string[] argv)
    {
        Root = root;
        _argv = argv;
        Client = new CarveClient(CarveConnection.ForSocket(Socket));
    }

    public string Root { get; }
    public string Socket => Path.Combine(Root, "run", "carved.sock");
    public int Pid => _process.Id;
    public CarveClient Client { get; }

    /// <summary>From the process start until its socket accepted a connection, for the latest start.</summary>
    public TimeSpan StartedIn { get; private set; }

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
    /// <param name="netns">A network namespace to run carved in (ip netns exec), for network benchmarks.</param>
    public static async Task<BenchDaemon> StartAsync(string outDir, string imageRoot, string? extraConfig = null, string? netns = null, string listen = "none")
    {
        var root = Directory.CreateTempSubdirectory("carve-bench-").FullName;
        var config = Path.Combine(root, "carved.json");
        var extra = extraConfig is null ? "" : ", " + extraConfig;
        await File.WriteAllTextAsync(config, $$"""{"imageRoots": ["{{imageRoot}}"]{{extra}}}""");
        var program = Path.Combine(outDir, "carved");
        string[] prefix = netns is null ? [program] : ["ip", "netns", "exec", netns, program];
        string[] argv = [.. prefix, "--data-dir", Path.Combine(root, "data"), "--run-dir", Path.Combine(root, "run"), "--listen", listen, "--config", config];
        var daemon = new BenchDaemon(root, argv);
        var launchedAt = Stopwatch.GetTimestamp();
        daemon._process = daemon.Launch(argv);
        await daemon.WaitForSocketAsync(launchedAt);
        return daemon;
    }

    /// <summary>
    /// Lets a daemon's KVM probe finish before anything is timed. carved probes KVM in the background at every start;
    /// where nested KVM makes no progress (as on the machine these numbers come from) the probe guest spins a core for
    /// its 2 s timeout.
    /// </summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(3));

    /// <summary>Kills carved (-9, as a crash would) and starts it again on the same dirs; guests keep running.</summary>
    public async Task RestartAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        var launchedAt = Stopwatch.GetTimestamp();
        _process = Launch(_argv);
        await WaitForSocketAsync(launchedAt);
    }

    private Process Launch(string[] argv)
    {
        var psi = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in argv.Skip(1))
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForSocketAsync(long launchedAt)
    {
        // Polled every millisecond: StartedIn is a benchmark result (bench/run.sh cli).
        while (Stopwatch.GetElapsedTime(launchedAt) < TimeSpan.FromSeconds(30) && !_process.HasExited)
        {
            if (File.Exists(Socket) && await CanConnectAsync(Socket))
            {
                StartedIn = Stopwatch.GetElapsedTime(launchedAt);
                return;
            }
            await Task.Delay(1);
        }
        throw new InvalidOperationException($"carved did not start (exited: {_process.HasExited}):\n{string.Join('\n', _output)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 20)
            _output.TryDequeue(out _);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var vm in await Client.ListVmsAsync(CancellationToken.None))
            if (vm.Status == "running")
                await Client.WaitTaskAsync((await Client.StopVmAsync(vm.Name, CancellationToken.None)).TaskId, CancellationToken.None);
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
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
