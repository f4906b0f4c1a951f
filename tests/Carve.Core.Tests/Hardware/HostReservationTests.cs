using Carve.Core.Configuration;
using Carve.Core.Resources;

namespace Carve.Core.Tests.Hardware;

/// <summary>The config's reservation checked against the host at daemon start.</summary>
public sealed class HostReservationTests
{
    [Fact]
    public void ReservesMemoryAndCores()
    {
        var r = HostReservation.From(Options("2GiB", [0], 1.5), hostCpus: 4, hostMemoryBytes: 16L << 30);
        Assert.Equal(2L << 30, r.MemoryBytes);
        Assert.Equal([0], r.ReservedCpus);
        Assert.Equal([1, 2, 3], r.GuestCpus);
        Assert.Equal(1.5, r.Overcommit);
        Assert.True(r.PinsGuests);
    }

    [Fact]
    public void NothingReservedLetsGuestsUseEveryCore()
    {
        var r = HostReservation.From(new CarveOptions(), hostCpus: 2, hostMemoryBytes: 8L << 30);
        Assert.Equal(0, r.MemoryBytes);
        Assert.Equal([0, 1], r.GuestCpus);
        Assert.False(r.PinsGuests);
    }

    [Theory]
    [InlineData("lots", new[] { 0 }, 1.0, "reserved.memory is not valid")]
    [InlineData("16G", new[] { 0 }, 1.0, "nothing would be left for guests")]
    [InlineData("1G", new[] { 4 }, 1.0, "reserves CPU 4, but the host's CPUs are 0-3")]
    [InlineData("1G", new[] { 0, 1, 2, 3 }, 1.0, "reserves every CPU (0-3)")]
    [InlineData("1G", new[] { 0 }, 0.5, "overcommit must be between 1.0")]
    public void ImpossibleReservationsStopTheDaemon(string memory, int[] cpus, double overcommit, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => HostReservation.From(Options(memory, cpus, overcommit), 4, 16L << 30));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static CarveOptions Options(string memory, int[] cpus, double overcommit) =>
        new() { Reserved = new ReservedOptions { Memory = memory, Cpus = cpus }, Overcommit = overcommit };
}
