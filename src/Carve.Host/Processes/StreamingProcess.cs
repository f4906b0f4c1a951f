using System.Diagnostics;
using System.Text;

namespace Carve.Host.Processes;

/// <summary>
/// A program whose stdin, stdout and stderr stay open as streams (exec, console, decompressors), where
/// IProcessRunner collects output into strings. Still an argv: never a shell.
/// </summary>
public sealed class StreamingProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;

    private StreamingProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;
    public Stream Stdin => _process.StandardInput.BaseStream;
    public Stream Stdout => _process.StandardOutput.BaseStream;
    public Stream Stderr => _process.StandardError.BaseStream;
    public bool HasExited => _process.HasExited;

    public static StreamingProcess Start(string fileName, IReadOnlyList<string> arguments)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            psi.ArgumentList.Add(argument);
        var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new ProgramNotStartedException($"Cannot run {fileName}: {e.Message}", e);
        }
        return new StreamingProcess(process);
    }

    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        return _process.ExitCode;
    }

    /// <summary>Reads what is left on stderr (bounded), for an error message after the program failed.</summary>
    public async Task<string> ReadStderrAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        int n;
        while (length < buffer.Length && (n = await Stderr.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            length += n;
        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>Kills without waiting for the exit (the kernel reaps it through the runtime's SIGCHLD handling).</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }
}
