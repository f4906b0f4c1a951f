namespace Carve.Core.Boot;

/// <summary>
/// When a guest that restarts on crash is started again: at once after its first crash, then after 2, 4 and 8 s;
/// its fifth crash within ten minutes ends the restarts, as a loop of crashes needs a person, not more restarts.
/// </summary>
public sealed class CrashPolicy
{
    public const int MaxCrashes = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Queue<DateTimeOffset> _crashes = new();

    /// <summary>The crashes counted now, this one included.</summary>
    public int Count => _crashes.Count;

    /// <summary>Counts a crash at <paramref name="now"/>: the delay before the restart, or null to give up.</summary>
    public TimeSpan? OnCrash(DateTimeOffset now)
    {
        while (_crashes.Count > 0 && now - _crashes.Peek() > Window)
            _crashes.Dequeue();
        _crashes.Enqueue(now);
        return _crashes.Count >= MaxCrashes ? null : TimeSpan.FromSeconds(_crashes.Count == 1 ? 0 : 1 << (_crashes.Count - 1));
    }
}
