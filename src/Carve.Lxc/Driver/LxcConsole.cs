using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;
using Carve.Host.Processes;
using Carve.Lxc.Exec;

namespace Carve.Lxc.Driver;

/// <summary>A container's console tty through lxc-console, its console log, and commands run inside through lxc-attach.</summary>
public sealed partial class LxcConsole(CarveOptions options, LxcRuntime runtime) : IGuestConsole
{
    private static readonly TimeSpan ConsoleSettle = TimeSpan.FromMilliseconds(300);

    // LXC serves the console to one client at a time; a second would fail inside lxc-console, so say so here.
    private readonly ConcurrentDictionary<int, bool> _attached = new();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}\z")]
    private static partial Regex EnvironmentName();

    /// <summary>
    /// lxc-console on pipes: it switches its stdin to raw mode only when that is a terminal, and otherwise
    /// relays bytes as they are, so no pseudo-terminal is needed on this side.
    /// </summary>
    public async Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        if (!runtime.IsRunning(guest))
            throw new ConflictException($"{guest.Describe()} is not running; its console log is at `carve ct console {guest.Name} --log`.");
        if (!_attached.TryAdd(guest.Id, true))
            throw new ConflictException($"Someone is already attached to the console of {guest.Describe()}.");
        StreamingProcess? process = null;
        try
        {
            process = StreamingProcess.Start("lxc-console", LxcCommands.Console(paths));
            // lxc-console fails fast (console busy, container gone); give it a moment to say so.
            using var settle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            settle.CancelAfter(ConsoleSettle);
            try
            {
                var code = await process.WaitForExitAsync(settle.Token);
                throw new OperationFailedException($"lxc-console could not attach to {guest.Name} (exit code {code}): {await process.ReadStderrAsync(ct)}");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Still running: attached.
            }
            var attached = process;
            process = null;
            return new ConsoleStream(attached, () => _attached.TryRemove(guest.Id, out _));
        }
        catch
        {
            if (process is not null)
                await process.DisposeAsync();
            _attached.TryRemove(guest.Id, out _);
            throw;
        }
    }

    /// <summary>The newest part of what the console printed: the rotated log then the live one, bounded.</summary>
    public async Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = runtime.Paths(guest);
        var parts = new List<byte[]>();
        foreach (var file in new[] { paths.ConsoleLogRotated, paths.ConsoleLog })
            if (File.Exists(file))
                parts.Add(await File.ReadAllBytesAsync(file, ct));
        var all = parts.SelectMany(p => p).ToArray();
        var keep = (int)Math.Min(all.Length, options.ConsoleLogMaxBytes);
        return all[^keep..];
    }

    /// <summary>Runs the command as root in the container with an empty environment (plus <paramref name="environment"/>).</summary>
    public Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        if (command.Count == 0 || command[0].Length == 0)
            throw new BadRequestException("The command to run is empty.");
        if (command.Any(a => a.Contains('\0', StringComparison.Ordinal)))
            throw new BadRequestException("The command must not contain NUL bytes.");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            if (!EnvironmentName().IsMatch(key) || value.Contains('\0', StringComparison.Ordinal))
                throw new BadRequestException($"Invalid environment variable '{Names.Printable(key)}'.");
        if (runtime.Find(guest) is not { InitPid: not null })
            throw new ConflictException($"{guest.Describe()} is not running.");
        var process = StreamingProcess.Start("lxc-attach", LxcCommands.Attach(runtime.Paths(guest), command, environment));
        return Task.FromResult<IGuestProcess>(new LxcAttachedProcess(process));
    }
}
