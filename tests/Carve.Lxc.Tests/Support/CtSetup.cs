using Carve.Core.Guests;
using Carve.Lxc.Guests;

namespace Carve.Lxc.Tests.Support;

/// <summary>A container's settings in one flat record, so a test states only what it varies; stored as a guest config.</summary>
internal sealed record CtSetup
{
    public int Cpus { get; init; } = 1;
    public int MemoryMiB { get; init; } = 128;
    public required string Hostname { get; init; }
    public bool Privileged { get; init; }
    public string Template { get; init; } = "busybox";
    public string Pool { get; init; } = "local";
    public required string RootfsVolume { get; init; }
    public IReadOnlyList<CtMount> Mounts { get; init; } = [];

    public GuestConfig ToConfig() => new GuestConfig { Cpus = Cpus, MemoryMiB = MemoryMiB }.WithSpec(new CtSpec
    {
        Hostname = Hostname, Privileged = Privileged, Template = Template, Pool = Pool, RootfsVolume = RootfsVolume, Mounts = Mounts,
    });
}
