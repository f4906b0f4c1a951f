using Carve.Core.Drivers;
using Carve.Host.Processes;

namespace Carve.Lxc.Exec;

/// <summary>
/// A command in a container through lxc-attach, whose exit status is the command's (128+N when a signal killed it).
/// Without a terminal on its stdin lxc-attach passes the three streams through as they are, stdout and stderr apart.
/// </summary>
public sealed class LxcAttachedProcess(StreamingProcess process) : IGuestProcess
{
    public Stream Stdin => process.Stdin;
    public Stream Stdout => process.Stdout;
    public Stream Stderr => process.Stderr;

    public Task<int> WaitForExitAsync(CancellationToken ct) => process.WaitForExitAsync(ct);

    /// <summary>Kills lxc-attach and, through the process tree, the command in the container if it still runs.</summary>
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
