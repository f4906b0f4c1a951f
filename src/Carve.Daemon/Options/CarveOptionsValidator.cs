using System.Text;
using Carve.Core.Configuration;
using Carve.Core.Resources;
using Microsoft.Extensions.Options;

namespace Carve.Daemon.Options;

/// <summary>
/// Checks the daemon's options before anything touches the host, each problem as one sentence that names the setting.
/// Runs at start (ValidateOnStart); carved exits with status 2 and the sentences when any fails.
/// </summary>
public sealed class CarveOptionsValidator(HostCapacity host) : IValidateOptions<CarveOptions>
{
    /// <summary>sun_path is 108 bytes with its terminating NUL.</summary>
    private const int MaxSocketPathBytes = 107;

    public ValidateOptionsResult Validate(string? name, CarveOptions options)
    {
        var failures = new List<string>();
        CheckDirectories(options, failures);
        try
        {
            ListenAddress.Parse(options.Listen);
        }
        catch (ArgumentException e)
        {
            failures.Add(e.Message);
        }
        try
        {
            HostReservation.From(options, host.Cpus, host.MemoryBytes);
        }
        catch (InvalidDataException e)
        {
            failures.Add(e.Message);
        }
        CheckPools(options.Pools, failures);
        if (options.ShutdownTimeoutSeconds <= 0)
            failures.Add($"The config's shutdownTimeoutSeconds must be a positive number of seconds, not {options.ShutdownTimeoutSeconds}.");
        if (options.ConsoleLogMaxBytes <= 0)
            failures.Add($"The config's consoleLogMaxBytes must be a positive number of bytes, not {options.ConsoleLogMaxBytes}.");
        CheckLogin(options.Login, failures);
        if (!StopGuestsOnExitValues.All.Contains(options.StopGuestsOnExit))
            failures.Add($"The config's stopGuestsOnExit must be one of {string.Join(", ", StopGuestsOnExitValues.All)}, not '{options.StopGuestsOnExit}'.");
        if (string.IsNullOrWhiteSpace(options.QemuBinary))
            failures.Add("The config's qemuBinary must name the QEMU program.");
        if (string.IsNullOrWhiteSpace(options.QemuImg))
            failures.Add("The config's qemuImg must name the qemu-img program.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDirectories(CarveOptions options, List<string> failures)
    {
        if (!Path.IsPathRooted(options.DataDir))
            failures.Add($"The data dir must be an absolute path, not '{options.DataDir}'.");
        if (!Path.IsPathRooted(options.RunDir))
            failures.Add($"The run dir must be an absolute path, not '{options.RunDir}'.");
        else if (Encoding.UTF8.GetByteCount(options.SocketPath) > MaxSocketPathBytes)
            failures.Add($"The socket path {options.SocketPath} is longer than the {MaxSocketPathBytes} bytes a unix socket allows: choose a shorter run dir.");
        foreach (var root in options.ImageRoots.Where(r => !Path.IsPathRooted(r)))
            failures.Add($"The config's imageRoots must be absolute paths, not '{root}'.");
    }

    private static void CheckLogin(LoginOptions login, List<string> failures)
    {
        foreach (var (name, value) in new[]
                 {
                     ("slowAfter", login.SlowAfter), ("lockAfter", login.LockAfter), ("windowSeconds", login.WindowSeconds),
                     ("lockoutSeconds", login.LockoutSeconds), ("delayStepMilliseconds", login.DelayStepMilliseconds),
                     ("maxDelayMilliseconds", login.MaxDelayMilliseconds),
                 })
        {
            if (value < 0 || (value == 0 && name is "lockAfter" or "windowSeconds" or "lockoutSeconds"))
                failures.Add($"The config's login.{name} must be a positive number, not {value}.");
        }
        if (login.LockAfter > 0 && login.SlowAfter > login.LockAfter)
            failures.Add($"The config's login.slowAfter ({login.SlowAfter}) must not be more than login.lockAfter ({login.LockAfter}).");
    }

    private static void CheckPools(IReadOnlyList<PoolOptions> pools, List<string> failures)
    {
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            if (string.IsNullOrWhiteSpace(pool.Name))
                failures.Add($"Pool {i + 1} in the config has no name.");
            else if (pools.Take(i).Any(p => p.Name == pool.Name))
                failures.Add($"The config names the pool '{pool.Name}' more than once.");
            if (string.IsNullOrWhiteSpace(pool.Type))
                failures.Add($"Pool '{pool.Name}' in the config has no type.");
            if (!Path.IsPathRooted(pool.Path))
                failures.Add($"Pool '{pool.Name}' in the config needs an absolute path, not '{pool.Path}'.");
        }
    }
}
