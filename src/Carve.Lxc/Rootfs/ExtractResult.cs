namespace Carve.Lxc.Rootfs;

public sealed record ExtractResult(long Entries, long Bytes, int SkippedDevices);
