using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Carve.SystemTests.Harness;

/// <summary>
/// A real out/carved in its own data and run dirs, as a separate process so tests can kill -9 it.
/// Disposing stops its guests (QEMU outlives the daemon by design) and removes its dirs.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    private DaemonProcess(string root, IReadOnlyDictionary<string, object>? extraConfig = null)
    {
        Root = root;
        Directory.CreateDirectory(ImagesDir);
        var config = new Dictionary<string, object>
        {
            ["imageRoots"] = new[] { TestGuest.CacheDir },
            // Built templates (debootstrap takes minutes) are kept between test runs.
            ["templatesDir"] = Path.Combine(TestGuest.CacheDir, "templates"),
            ["shutdownTimeoutSeconds"] = 30,
        };
        foreach (var (key, value) in extraConfig ?? new Dictionary<string, object>())
            config[key] = value;
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(config));
    }

    public string Root { get; }
    public string DataDir => Path.Combine(Root, "data");
    public string RunDir => Path.Combine(Root, "run");
    public string ImagesDir => Path.Combine(DataDir, "images");
    public string Socket => Path.Combine(RunDir, "carved.sock");
    public string ConfigFile => Path.Combine(Root, "carved.json");
    public int Pid => _process?.Id ?? throw new InvalidOperationException("not started");
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>
    /// A daemon with a second pool <paramref name="name"/> next to the default "local" one; <paramref name="makePool"/>
    /// gets the test's root directory and returns the pool's path (e.g. a filesystem it mounted there).
    /// </summary>
    public static async Task<DaemonProcess> StartWithPoolAsync(string name, string type, Func<string, Task<string>> makePool)
    {
        var root = Directory.CreateTempSubdirectory("carve-sys-").FullName;
        var path = await makePool(root);
        var daemon = new DaemonProcess(root, new Dictionary<string, object>
        {
            ["pools"] = new object[]
            {
                new { name = "local", type = "dir", path = Path.Combine(root, "data", "pools", "local") },
                new { name, type, path },
            },
        });
        await daemon.LaunchAsync();
        return daemon;
    }

    /// <summary>A daemon whose root <paramref name="prepare"/> gets first, e.g. to mount a small filesystem as its data dir.</summary>
    public static async Task<DaemonProcess> StartInAsync(Func<string, Task> prepare)
    {
        var root = Directory.CreateTempSubdirectory("carve-sys-").FullName;
        await prepare(root);
        var daemon = new DaemonProcess(root);
        await daemon.LaunchAsync();
        return daemon;
    }

    /// <summary>What carved listens on besides its unix socket: "none" or HOST:PORT for HTTPS.</summary>
    public string Listen { get; private init; } = "none";

    /// <summary>The network namespace carved runs in (ip netns exec), or null for the host's.</summary>
    public NetworkNamespace? Namespace { get; private init; }

    /// <summary>The program <see cref="LaunchAsync"/> starts: out/carved, or e.g. an installed package's; a test may switch it between launches.</summary>
    public string DaemonBinary { get; set; } = CarveBinaries.Daemon;

    /// <param name="netns">A network namespace to run carved in, or null for the host's.</param>
    /// <param name="extraConfig">Config file keys to add or override, e.g. a reservation.</param>
    /// <param name="listen">HTTPS on HOST:PORT besides the unix socket, or "none".</param>
    /// <param name="daemonBinary">The carved to start instead of out/carved.</param>
    public static async Task<DaemonProcess> StartAsync(
        NetworkNamespace? netns = null, IReadOnlyDictionary<string, object>? extraConfig = null, string listen = "none", string? daemonBinary = null)
    {
        var daemon = new DaemonProcess(Directory.CreateTempSubdirectory("carve-sys-").FullName, extraConfig)
        {
            Namespace = netns, Listen = listen, DaemonBinary = daemonBinary ?? CarveBinaries.Daemon,
        };
        await daemon.LaunchAsync();
        return daemon;
    }

    public async Task LaunchAsync()
    {
        if (File.Exists(Socket))
            File.Delete(Socket);
        var logStart = Log.Length;
        // ip netns exec execs carved in place, so the pid is carved's own and kill -9 reaches it.
        var psi = new ProcessStartInfo(Namespace is null ? DaemonBinary : "ip")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var prefix = Namespace is null ? [] : new[] { "netns", "exec", Namespace.Name, DaemonBinary };
        foreach (var a in prefix.Concat(["--data-dir", DataDir, "--run-dir", RunDir, "--listen", Listen, "--config", ConfigFile]))
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Log[logStart..].Contains("carved is ready", StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException("carved did not start:\n" + Log);
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillHardAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemctl stop sends it: carved's own shutdown code runs; waits until it has exited.</summary>
    public async Task StopAsync()
    {
        (await Processes.RunAsync("kill", ["-TERM", $"{Pid}"])).EnsureSuccess();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _process!.WaitForExitAsync(patience.Token);
    }

    public Task<CommandResult> CarveAsync(params string[] args) => CarveWithInputAsync(null, args);

    public Task<CommandResult> CarveWithInputAsync(string? stdin, params string[] args) =>
        Processes.RunAsync(CarveBinaries.Cli, ["--socket", Socket, .. args], stdin);

    /// <summary>Polls the console log until it contains every marker, or fails with what the guest did print.</summary>
    public async Task<string> WaitForConsoleAsync(string vm, TimeSpan timeout, params string[] markers)
    {
        var deadline = DateTime.UtcNow + timeout;
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            text = (await CarveAsync("vm", "console", vm, "--log")).Stdout;
            if (markers.All(m => text.Contains(m, StringComparison.Ordinal)))
                return text;
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"{vm} did not print {string.Join(", ", markers)} within {timeout}. Console log:\n{text}\nDaemon log:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        // carved first: one left running would restart a guest with a restart-on-crash policy as soon as it is killed.
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        // Guests outlive the daemon by design, so the test cleans them up itself.
        foreach (var pidFile in Directory.Exists(RunDir) ? Directory.EnumerateFiles(RunDir, "qemu.pid", SearchOption.AllDirectories) : [])
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try
                {
                    Process.GetProcessById(pid).Kill();
                }
                catch (ArgumentException)
                {
                }
            }
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }
}
