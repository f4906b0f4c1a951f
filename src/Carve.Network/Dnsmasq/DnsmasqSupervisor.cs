using System.Globalization;
using Carve.Core.Errors;
using Carve.Host.Proc;
using Carve.Host.Processes;
using Microsoft.Extensions.Logging;

namespace Carve.Network.Dnsmasq;

/// <summary>
/// Runs one dnsmasq per NAT network. dnsmasq daemonizes, so like QEMU it outlives carved; a later daemon adopts it
/// through its pid file, accepted only when that process's argv names this network's config file, so a reused pid
/// is never taken for it. A changed config means a restart: the leases stay in their file.
/// </summary>
public sealed partial class DnsmasqSupervisor(IProcessRunner runner, ProcFs proc, ILogger<DnsmasqSupervisor> logger)
{
    public const string Program = "dnsmasq";
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    public async Task EnsureAsync(NetworkPaths paths, string config, CancellationToken ct)
    {
        Directory.CreateDirectory(paths.Dir);
        var running = Find(paths);
        var current = File.Exists(paths.DnsmasqConfig) ? await File.ReadAllTextAsync(paths.DnsmasqConfig, ct) : null;
        if (running is not null && current == config)
            return;
        if (running is { } pid)
            await StopPidAsync(pid, ct);
        var partial = paths.DnsmasqConfig + ".new";
        await File.WriteAllTextAsync(partial, config, ct);
        File.Move(partial, paths.DnsmasqConfig, overwrite: true);
        File.Delete(paths.DnsmasqPid);
        var result = await runner.RunAsync(new ProcessSpec(Program, Argv(paths)) { Timeout = TimeSpan.FromSeconds(30) }, ct);
        if (!result.Succeeded)
            throw new OperationFailedException(result.ExitCode == 127
                ? "NAT networks need dnsmasq: install the Debian package dnsmasq-base."
                : $"dnsmasq did not start: {result.LastErrorLine}");
        var started = Find(paths) ?? throw new OperationFailedException("dnsmasq started but is not running; see the daemon's log.");
        LogStarted(paths.Dir, started);
    }

    public async Task StopAsync(NetworkPaths paths, CancellationToken ct)
    {
        if (Find(paths) is { } pid)
            await StopPidAsync(pid, ct);
        // A deletion killed after the network's directory went is finished at the next start: no directory, nothing to do.
        if (File.Exists(paths.DnsmasqPid))
            File.Delete(paths.DnsmasqPid);
    }

    /// <summary>The pid of this network's dnsmasq, or null.</summary>
    public int? Find(NetworkPaths paths)
    {
        if (!File.Exists(paths.DnsmasqPid)
            || !int.TryParse(File.ReadAllText(paths.DnsmasqPid).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !proc.IsRunning(pid))
            return null;
        var argv = proc.ReadCmdline(pid);
        return argv is not null && argv.SequenceEqual([Program, .. Argv(paths)]) || argv?.Skip(1).SequenceEqual(Argv(paths)) == true
            ? pid
            : null;
    }

    private static string[] Argv(NetworkPaths paths) => ["--conf-file=" + paths.DnsmasqConfig];

    private async Task StopPidAsync(int pid, CancellationToken ct)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Exited meanwhile.
        }
        if (!await proc.WaitForExitAsync(pid, ExitGrace, ct))
            throw new OperationFailedException($"dnsmasq (pid {pid}) does not exit, even after SIGKILL.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dnsmasq for {Dir} runs as pid {Pid}")]
    private partial void LogStarted(string dir, int pid);
}
