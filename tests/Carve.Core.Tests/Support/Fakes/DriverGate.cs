namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// Holds a driver step until the test opens it, so a test can look at the guest's lock and rows while a task is
/// halfway. <see cref="Reached"/> completes once the step has begun (and been recorded).
/// </summary>
internal sealed class DriverGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the held step has begun; awaited with a timeout so a step never reached fails the test.</summary>
    public Task Reached => _reached.Task.WaitAsync(TaskHarness.Patience);

    public void Open() => _open.TrySetResult();

    /// <summary>Called by the driver at the step: says it got there, then waits to be let through.</summary>
    public Task PassAsync()
    {
        _reached.TrySetResult();
        return _open.Task;
    }
}
