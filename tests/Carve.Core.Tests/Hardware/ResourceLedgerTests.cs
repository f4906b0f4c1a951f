using Carve.Core.Errors;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Hardware;

/// <summary>Admission control: starts are refused past (host memory - reservation), concurrent ones included.</summary>
public sealed class ResourceLedgerTests
{
    private static readonly long HostMemory = new Carve.Host.Proc.ProcFs().ReadMemory().Total;

    [Fact]
    public void AStartThatWouldEatIntoTheReservationIsRefused()
    {
        // Guests may use 1 GiB in all.
        using var h = new HardwareHarness(SysfsFixture.Xeon, reservedMemoryBytes: HostMemory - (1L << 30));
        var first = h.Vm("first", memoryMiB: 600);
        var second = h.Vm("second", memoryMiB: 600);
        var small = h.Vm("small", memoryMiB: 400);
        h.Driver.Running.Add(first.Id);

        var e = Assert.Throws<ConflictException>(() => h.Ledger.Admit(second));
        Assert.StartsWith("Not enough memory to start vm second", e.Message, StringComparison.Ordinal);
        Assert.Contains("running guests hold 600 MiB of the 1 GiB guests may use", e.Message, StringComparison.Ordinal);
        using (h.Ledger.Admit(small))
            Assert.Equal((1000L << 20, 2), (h.Ledger.Usage().CommittedMemoryBytes, h.Ledger.Usage().RunningGuests));
        Assert.Equal(600L << 20, h.Ledger.Usage().CommittedMemoryBytes);
    }

    [Fact]
    public void ConcurrentStartsCannotBothTakeTheLastRoom()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon, reservedMemoryBytes: HostMemory - (1L << 30));
        var guests = Enumerable.Range(0, 16).Select(i => h.Vm($"g{i}", memoryMiB: 600)).ToList();
        var admitted = 0;
        var refused = 0;
        var claims = new System.Collections.Concurrent.ConcurrentBag<IDisposable>();
        Parallel.ForEach(guests, g =>
        {
            try
            {
                claims.Add(h.Ledger.Admit(g));
                Interlocked.Increment(ref admitted);
            }
            catch (ConflictException)
            {
                Interlocked.Increment(ref refused);
            }
        });
        Assert.Equal((1, 15), (admitted, refused));
        foreach (var claim in claims)
            claim.Dispose();
        Assert.Equal(0, h.Ledger.Usage().CommittedMemoryBytes);
    }

    [Fact]
    public void OvercommitLoosensTheLimitOnPurpose()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon);
        var usage = h.Ledger.Usage();
        Assert.Equal(HostMemory, usage.GuestMemoryLimitBytes);
        Assert.Equal(Environment.ProcessorCount, usage.GuestCpus.Count);
    }

    [Fact]
    public void GrowingARunningGuestLiveIsAdmittedLikeAStart()
    {
        using var h = new HardwareHarness(SysfsFixture.Xeon, reservedMemoryBytes: HostMemory - (1L << 30));
        var ct = h.Vm("ct", memoryMiB: 600);
        h.Driver.Running.Add(ct.Id);
        var committed = 0;
        h.Ledger.AdmitResize(ct, 900L << 20, () => committed++);
        Assert.Equal(1, committed);
        var e = Assert.Throws<ConflictException>(() => h.Ledger.AdmitResize(ct, 1100L << 20, () => committed++));
        Assert.StartsWith("Not enough memory to grow vm ct", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, committed);
        // A stopped guest may be given any size now; its start is checked later.
        h.Driver.Running.Clear();
        h.Ledger.AdmitResize(ct, 4096L << 20, () => committed++);
        Assert.Equal(2, committed);
    }
}
