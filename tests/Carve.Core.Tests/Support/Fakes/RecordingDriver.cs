using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;

namespace Carve.Core.Tests.Support.Fakes;

/// <summary>
/// A kind's driver parts for Core's orchestration tests: every call is recorded in order as a short sentence
/// ("start web", "snapshot web s1"), it keeps which guests run (and the config each was started with), and a test
/// can make a step fail, hold it at a gate, or run something when it is reached. What the real drivers do to QEMU
/// and LXC is tested against them elsewhere; here only what Core asks, and in which order, matters.
/// </summary>
internal sealed partial class RecordingDriver
{
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];
    private readonly Dictionary<int, GuestConfig> _running = [];
    private readonly List<Failure> _failures = [];
    private readonly Dictionary<string, DriverGate> _gates = [];
    private readonly Dictionary<string, Action> _hooks = [];

    /// <summary>The calls so far, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
                return [.. _calls];
        }
    }

    /// <summary>Makes the first matching step (the verb, "start", or the whole call, "start web") throw.</summary>
    /// <param name="error">What to throw; an <see cref="OperationFailedException"/> (a host tool failed) when null.</param>
    /// <param name="always">Fail every matching call, not only the next one.</param>
    public void Fail(string step, Exception? error = null, bool always = false)
    {
        lock (_gate)
            _failures.Add(new Failure(step, error, always));
    }

    /// <summary>Makes the step throw what no driver should: a bug, not a host failure.</summary>
    public void FailUnexpectedly(string step) => Fail(step, new InvalidOperationException($"{step}: the fake driver has a bug"));

    /// <summary>Holds the next matching step (recorded already) until the returned gate is opened.</summary>
    public DriverGate Hold(string step)
    {
        var gate = new DriverGate();
        lock (_gate)
            _gates[step] = gate;
        return gate;
    }

    /// <summary>Runs <paramref name="action"/> when the next matching step is reached, before it fails or takes effect.</summary>
    public void OnCall(string step, Action action)
    {
        lock (_gate)
            _hooks[step] = action;
    }

    /// <summary>Makes the guest run, as if started earlier with <paramref name="applied"/> (its stored config when null).</summary>
    public void MarkRunning(GuestRecord guest, GuestConfig? applied = null)
    {
        lock (_gate)
            _running[guest.Id] = applied ?? guest.Config;
    }

    /// <summary>The guest's process dies by itself (killed, crashed): no call, no task.</summary>
    public void MarkCrashed(GuestRecord guest) => SetRunning(guest, false);

    public bool IsRunning(GuestRecord guest)
    {
        lock (_gate)
            return _running.ContainsKey(guest.Id);
    }

    /// <summary>
    /// A step of a fake factory or editor (or of this driver): recorded, held at its gate if it has one, its hook
    /// run, and failed if the test asked for that.
    /// </summary>
    public async Task PerformAsync(string call)
    {
        var gate = Record(call);
        if (gate is not null)
            await gate.PassAsync();
        Settle(call);
    }

    /// <summary>A step that cannot wait (a check made before any task): recorded, its hook run, failed if asked.</summary>
    public void Perform(string call)
    {
        Record(call);
        Settle(call);
    }

    private DriverGate? Record(string call)
    {
        lock (_gate)
        {
            _calls.Add(call);
            var key = _gates.Keys.FirstOrDefault(step => Matches(step, call));
            if (key is null)
                return null;
            var gate = _gates[key];
            _gates.Remove(key);
            return gate;
        }
    }

    private void Settle(string call)
    {
        Action? hook;
        Failure? failure;
        lock (_gate)
        {
            var key = _hooks.Keys.FirstOrDefault(step => Matches(step, call));
            hook = key is null ? null : _hooks[key];
            if (key is not null)
                _hooks.Remove(key);
            failure = _failures.FirstOrDefault(f => Matches(f.Step, call));
            if (failure is { Always: false })
                _failures.Remove(failure);
        }
        hook?.Invoke();
        if (failure is not null)
            throw failure.Error ?? new OperationFailedException($"{call} failed: the fake driver was told to fail.");
    }

    private void SetRunning(GuestRecord guest, bool running)
    {
        lock (_gate)
        {
            if (running)
                _running[guest.Id] = guest.Config;
            else
                _running.Remove(guest.Id);
        }
    }

    private GuestRuntime Runtime(GuestRecord guest)
    {
        lock (_gate)
            return _running.TryGetValue(guest.Id, out var applied)
                ? new GuestRuntime { Status = "running", Pid = 4000 + guest.Id, AppliedConfigJson = applied.ToJson() }
                : new GuestRuntime { Status = "stopped" };
    }

    /// <summary>"start" matches "start web"; "start web" matches only that guest; "start w" matches nothing.</summary>
    private static bool Matches(string step, string call) =>
        call == step || call.StartsWith(step + " ", StringComparison.Ordinal);

    private sealed record Failure(string Step, Exception? Error, bool Always);
}
