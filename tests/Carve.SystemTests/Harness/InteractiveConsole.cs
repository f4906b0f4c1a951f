using System.Diagnostics;
using System.Text;

namespace Carve.SystemTests.Harness;

/// <summary>`carve vm console NAME` as a user would run it, with input typed while the output is read.</summary>
public sealed class InteractiveConsole : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private InteractiveConsole(Process process)
    {
        _process = process;
        _ = PumpAsync();
    }

    public static InteractiveConsole Open(DaemonProcess daemon, string vm)
    {
        var psi = new ProcessStartInfo(CarveBinaries.Cli)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--socket", daemon.Socket, "vm", "console", vm })
            psi.ArgumentList.Add(a);
        return new InteractiveConsole(Process.Start(psi)!);
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public async Task TypeAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new Xunit.Sdk.XunitException($"The console did not show '{text}'. It showed:\n{Output}\nstderr: {await ReadErrorAsync()}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    private async Task<string> ReadErrorAsync() => _process.HasExited ? await _process.StandardError.ReadToEndAsync() : "(still running)";

    private async Task PumpAsync()
    {
        var buffer = new char[4096];
        int n;
        while ((n = await _process.StandardOutput.ReadAsync(buffer)) > 0)
            lock (_output)
                _output.Append(buffer, 0, n);
    }
}
