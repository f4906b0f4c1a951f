namespace Carve.Core.Boot;

/// <summary>
/// What a guest printed between two reads of its console log. The log is a bounded tail that slides (trimmed, or
/// rotated for a container), so the bytes read first may have lost their head by the second read; they are found again
/// as the longest run of their end that the second read begins with.
/// </summary>
public static class ConsoleOutput
{
    /// <summary>Too short an overlap could be found by chance in new output; then all of the second read counts as new.</summary>
    public const int MinOverlap = 32;

    public static ReadOnlySpan<byte> Since(ReadOnlySpan<byte> before, ReadOnlySpan<byte> now)
    {
        if (before.IsEmpty)
            return now;
        if (now.StartsWith(before))
            return now[before.Length..];
        var head = now[..Math.Min(now.Length, MinOverlap)];
        if (head.Length < MinOverlap)
            return now;
        // The smallest shift of the earlier read whose rest the new read begins with is the most overlap.
        for (var shift = before.IndexOf(head); shift >= 0;)
        {
            var rest = before[shift..];
            if (now.StartsWith(rest))
                return now[rest.Length..];
            var next = before[(shift + 1)..].IndexOf(head);
            shift = next < 0 ? -1 : shift + 1 + next;
        }
        return now;
    }
}
