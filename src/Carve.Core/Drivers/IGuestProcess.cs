namespace Carve.Core.Drivers;

/// <summary>A command running inside a guest. Closing <see cref="Stdin"/> sends end-of-file.</summary>
public interface IGuestProcess : IAsyncDisposable
{
    Stream Stdin { get; }
    Stream Stdout { get; }
    Stream Stderr { get; }
    Task<int> WaitForExitAsync(CancellationToken ct);
}
