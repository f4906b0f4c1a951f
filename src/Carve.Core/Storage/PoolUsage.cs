namespace Carve.Core.Storage;

public sealed record PoolUsage(long TotalBytes, long AvailableBytes);
