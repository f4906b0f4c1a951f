using System.Net.Sockets;
using Carve.Host.Processes;
using Carve.Qemu.Qmp;

namespace Carve.Qemu.Tests.Support;

/// <summary>
/// A foreground (not daemonized) QEMU started for a test. Disposing kills it if the test did not
/// quit it, so a failing test leaves no QEMU behind.
/// </summary>
internal sealed class RunningQemu : IAsyncDisposable
{
    private readonly CancellationTokenSource _kill = new(TimeSpan.FromMinutes(2));
    private readonly Task<ProcessResult> _run;

    private RunningQemu(IReadOnlyList<string> argv)
    {
        _run = new ProcessRunner().RunAsync(new ProcessSpec(RealQemu.System, argv), _kill.Token);
    }

    public static async Task<(RunningQemu Qemu, QmpClient Qmp)> StartAsync(IReadOnlyList<string> argv, string qmpSocket)
    {
        var qemu = new RunningQemu(argv);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (qemu._run.IsCompleted)
                {
                    var failed = await qemu._run;
                    throw new InvalidOperationException($"QEMU exited with {failed.ExitCode}: {failed.Stderr}");
                }
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"QEMU did not listen on {qmpSocket}");
                // The socket file appears at bind(), a moment before QEMU listens on it.
                if (File.Exists(qmpSocket))
                {
                    try
                    {
                        return (qemu, await QmpClient.ConnectAsync(qmpSocket, CancellationToken.None));
                    }
                    catch (QmpDisconnectedException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                    {
                    }
                }
                await Task.Delay(20);
            }
        }
        catch
        {
            await qemu.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for QEMU to exit on its own (after quit) and returns how it ended.</summary>
    public Task<ProcessResult> ExitAsync() => _run.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _kill.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Killed, as intended.
        }
        _kill.Dispose();
    }
}
