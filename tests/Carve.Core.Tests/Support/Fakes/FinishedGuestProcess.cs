using Carve.Core.Drivers;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>A command inside a guest that already ended with <paramref name="exitCode"/> and wrote nothing.</summary>
internal sealed class FinishedGuestProcess(int exitCode) : IGuestProcess
{
    public Stream Stdin { get; } = new MemoryStream();
    public Stream Stdout { get; } = new MemoryStream();
    public Stream Stderr { get; } = new MemoryStream();

    public Task<int> WaitForExitAsync(CancellationToken ct) => Task.FromResult(exitCode);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
