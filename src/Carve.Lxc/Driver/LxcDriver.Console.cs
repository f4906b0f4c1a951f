using System.Collections.Concurrent;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Lxc.Exec;
using Carve.Host.Processes;

namespace Carve.Lxc.Driver;

public sealed partial class LxcDriver
{
    private static readonly TimeSpan ConsoleSettle = TimeSpan.FromMilliseconds(300);

    // LXC serves the console to one client at a time; a second would fail inside lxc-console, so say so here.
    private readonly ConcurrentDictionary<int, bool> _consoleAttached = new();

    /// <summary>
    /// lxc-console on pipes: it switches its stdin to raw mode only when that is a terminal, and otherwise
    /// relays bytes as they are, so no pseudo-terminal is needed on this side.
    /// </summary>
    public async Task<Stream> AttachConsoleAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = Paths(guest);
        if (locator.Find(paths) is null)
            throw new ConflictException($"{guest.Describe()} is not running; its console log is at `carve ct console {guest.Name} --log`.");
        if (!_consoleAttached.TryAdd(guest.Id, true))
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
            return new ConsoleStream(attached, () => _consoleAttached.TryRemove(guest.Id, out _));
        }
        catch
        {
            if (process is not null)
                await process.DisposeAsync();
            _consoleAttached.TryRemove(guest.Id, out _);
            throw;
        }
    }

    /// <summary>The newest part of what the console printed: the rotated log then the live one, bounded.</summary>
    public async Task<byte[]> ReadConsoleLogAsync(GuestRecord guest, CancellationToken ct)
    {
        var paths = Paths(guest);
        var parts = new List<byte[]>();
        foreach (var file in new[] { paths.ConsoleLogRotated, paths.ConsoleLog })
            if (File.Exists(file))
                parts.Add(await File.ReadAllBytesAsync(file, ct));
        var all = parts.SelectMany(p => p).ToArray();
        var keep = (int)Math.Min(all.Length, options.ConsoleLogMaxBytes);
        return all[^keep..];
    }
}
