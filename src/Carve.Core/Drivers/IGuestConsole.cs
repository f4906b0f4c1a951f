using Carve.Core.Guests;

namespace Carve.Core.Drivers;

/// <summary>The text side of one kind of guest: its console (a VM's serial port, a container's tty) and commands run inside.</summary>
public interface IGuestConsole
{
    /// <summary>A byte stream to the running guest's console.</summary>
    Task<Stream> AttachAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>What the guest has written to its console so far (bounded), or empty.</summary>
    Task<byte[]> ReadLogAsync(GuestRecord guest, CancellationToken ct);

    /// <summary>Runs a command inside the running guest with its stdin, stdout and stderr streamed.</summary>
    Task<IGuestProcess> ExecAsync(GuestRecord guest, IReadOnlyList<string> command, IReadOnlyDictionary<string, string>? environment, CancellationToken ct);
}
