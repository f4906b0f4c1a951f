using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Core.Storage;

/// <summary>
/// A write the pool had no room for, told as "pool full" with what to do, rather than as the bare ENOSPC line of the
/// tool that hit it (qemu-img, tar, .NET's own file writes all end in strerror's "No space left on device").
/// </summary>
public sealed partial class StoragePool
{
    private const string NoSpace = "No space left on device";

    /// <summary>The "pool full" error for <paramref name="e"/>, or null when <paramref name="e"/> is some other failure.</summary>
    public OperationFailedException? FullError(Exception e, string what)
    {
        if (!e.Message.Contains(NoSpace, StringComparison.Ordinal) && e.InnerException?.Message.Contains(NoSpace, StringComparison.Ordinal) != true)
            return null;
        var usage = Usage();
        return new OperationFailedException(
            $"Pool {Name} is full: it has no room for {what} ({Sizes.Format(usage.AvailableBytes)} free of {Sizes.Format(usage.TotalBytes)}); " +
            "free some space there or use another pool (--pool).", e);
    }

    private async Task WhenFullAsync(string what, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (FullError(e, what) is { } full)
        {
            throw full;
        }
    }
}
