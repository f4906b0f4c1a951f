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

    private readonly string _listen;

    private DaemonProcess(string root, string listen)
    {
        Root = root;
        _listen = listen;
        Directory.CreateDirectory(ImagesDir);
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(new
        {
            imageRoots = new[] { TestGuest.CacheDir },
            // Built templates (debootstrap takes minutes) are kept between test runs.
            templatesDir = Path.Combine(TestGuest.CacheDir, "templates"),
            shutdownTimeoutSeconds = 30,
        }));
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

    /// <summary>Starts a daemon with only its unix socket, or also HTTPS on <paramref name="listen"/> (HOST:PORT).</summary>
    public static async Task<DaemonProcess> StartAsync(string listen = "none")
    {
        var daemon = new DaemonProcess(Directory.CreateTempSubdirectory("carve-sys-").FullName, listen);
        await daemon.LaunchAsync();
        return daemon;
    }

    public async Task LaunchAsync()
    {
        if (File.Exists(Socket))
            File.Delete(Socket);
        var logStart = Log.Length;
        var psi = new ProcessStartInfo(CarveBinaries.Daemon)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--data-dir", DataDir, "--run-dir", RunDir, "--listen", _listen, "--config", ConfigFile })
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
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
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
