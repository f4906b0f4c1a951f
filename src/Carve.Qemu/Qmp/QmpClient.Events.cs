namespace Carve.Qemu.Qmp;

public sealed partial class QmpClient
{
    private readonly List<EventWaiter> _eventWaiters = [];

    /// <summary>
    /// Waits for the next event called <paramref name="name"/>. The wait is registered when this
    /// method is called, so call it before sending the command that causes the event and await
    /// the task afterwards:
    /// <code>var down = qmp.WaitForEventAsync("SHUTDOWN", t, ct); await qmp.SystemPowerdownAsync(ct); await down;</code>
    /// </summary>
    /// <exception cref="TimeoutException">No such event within <paramref name="timeout"/>.</exception>
    /// <exception cref="QmpDisconnectedException">The connection closed first.</exception>
    public Task<QmpEvent> WaitForEventAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new EventWaiter(name);
        lock (_eventWaiters)
        {
            if (Volatile.Read(ref _closedBecause) is { } reason)
                return Task.FromException<QmpEvent>(Disconnected($"waiting for {name}", reason));
            _eventWaiters.Add(waiter);
        }
        return AwaitEventAsync(waiter, timeout, cancellationToken);
    }

    private async Task<QmpEvent> AwaitEventAsync(EventWaiter waiter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Arrived.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"QEMU sent no {waiter.Name} event within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            lock (_eventWaiters)
                _eventWaiters.Remove(waiter);
        }
    }

    private void Publish(QmpEvent qmpEvent)
    {
        lock (_eventWaiters)
        {
            foreach (var waiter in _eventWaiters.Where(w => w.Name == qmpEvent.Name).ToList())
            {
                _eventWaiters.Remove(waiter);
                waiter.Arrived.TrySetResult(qmpEvent);
            }
        }
        _events.Writer.TryWrite(qmpEvent);
    }

    private void FailEventWaiters(Exception reason)
    {
        lock (_eventWaiters)
        {
            foreach (var waiter in _eventWaiters)
                waiter.Arrived.TrySetException(Disconnected($"waiting for {waiter.Name}", reason));
            _eventWaiters.Clear();
        }
    }

    // A class, not a record: waiters are told apart by identity, never by name.
    private sealed class EventWaiter(string name)
    {
        public string Name { get; } = name;

        public TaskCompletionSource<QmpEvent> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
