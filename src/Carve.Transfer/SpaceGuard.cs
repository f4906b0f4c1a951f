using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Core.Validation;

namespace Carve.Transfer;

/// <summary>
/// The limit on decompressed size while a disk is written: a small package can expand to terabytes of
/// non-zero data (a compressed VMDK of repeated bytes), so the copy stops before the pool runs out of room
/// for the guests already on it.
/// </summary>
internal sealed class SpaceGuard : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource _done = new();
    private readonly StoragePool _pool;
    private readonly long _reserve;
    private readonly Task _loop;

    private SpaceGuard(StoragePool pool, CancellationTokenSource stop)
    {
        _pool = pool;
        // Keep 5% of the pool free, at most 1 GiB: enough for the running guests to go on writing.
        _reserve = Math.Min(1L << 30, pool.Usage().TotalBytes / 20);
        _loop = WatchAsync(stop);
    }

    public bool Exceeded { get; private set; }

    public static SpaceGuard Watch(StoragePool pool, CancellationTokenSource stop) => new(pool, stop);

    public void ThrowIfExceeded(string label)
    {
        if (Exceeded)
            throw new BadRequestException(
                $"The import stopped: {label} expands to more data than pool {_pool.Name} has room for (it keeps {Sizes.Format(_reserve)} free).");
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _done.Dispose();
    }

    private async Task WatchAsync(CancellationTokenSource stop)
    {
        while (!_done.IsCancellationRequested)
        {
            var usage = _pool.Usage();
            if (usage.TotalBytes > 0 && usage.AvailableBytes < _reserve)
            {
                Exceeded = true;
                await stop.CancelAsync();
                return;
            }
            await Task.Delay(Interval, _done.Token);
        }
    }
}
