using Carve.Contracts.Host;
using Carve.Core.Drivers;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Validation;
using Carve.Host.Proc;

namespace Carve.Core.Resources;

/// <summary>
/// Admission control: a guest starts only if its memory fits beside the running guests within
/// (host memory - reservation) x overcommit. Starts in flight are counted under one lock until their guest runs,
/// so two concurrent starts can never both take the last room.
/// </summary>
public sealed class ResourceLedger(HostReservation reservation, ProcFs proc, GuestStore guests, GuestDrivers drivers)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _starting = [];

    public HostReservation Reservation => reservation;

    /// <summary>Claims room for a guest about to start; dispose the claim once it runs (or failed to).</summary>
    public IDisposable Admit(GuestRecord guest)
    {
        var (memory, _) = Demand(guest);
        lock (_gate)
        {
            Check(guest, memory, Usage());
            _starting[guest.Id] = memory;
        }
        return new Claim(this, guest.Id);
    }

    /// <summary>The same check without claiming, so a start that cannot fit is refused before a task is made.</summary>
    public void CheckFits(GuestRecord guest)
    {
        lock (_gate)
            Check(guest, Demand(guest).MemoryBytes, Usage());
    }

    /// <summary>
    /// A running guest's memory changed live (containers) is admitted like a start: <paramref name="commit"/> stores
    /// the new size under the same lock, so no start can slip in between the check and the change.
    /// </summary>
    public void AdmitResize(GuestRecord guest, long newMemoryBytes, Action commit)
    {
        lock (_gate)
        {
            var current = Demand(guest).MemoryBytes;
            if (newMemoryBytes > current && drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
            {
                var usage = Usage();
                Check(guest, newMemoryBytes, usage with { CommittedMemoryBytes = usage.CommittedMemoryBytes - current }, "to grow");
            }
            commit();
        }
    }

    public ResourceUsage Usage()
    {
        var limit = GuestMemoryLimit();
        long committed = 0;
        var cpus = 0;
        var running = 0;
        lock (_gate)
        {
            foreach (var guest in guests.List())
            {
                var starting = _starting.TryGetValue(guest.Id, out var claimed);
                if (!starting && !drivers.Instance(guest.Kind).Inspect(guest).IsRunning)
                    continue;
                var demand = Demand(guest);
                committed += starting ? claimed : demand.MemoryBytes;
                cpus += demand.Cpus;
                running++;
            }
        }
        return new ResourceUsage
        {
            ReservedMemoryBytes = reservation.MemoryBytes,
            ReservedCpus = reservation.ReservedCpus,
            GuestCpus = reservation.GuestCpus,
            Overcommit = reservation.Overcommit,
            GuestMemoryLimitBytes = limit,
            CommittedMemoryBytes = committed,
            FreeMemoryBytes = Math.Max(0, limit - committed),
            RunningGuests = running,
            CommittedCpus = cpus,
        };
    }

    private long GuestMemoryLimit() => (long)((proc.ReadMemory().Total - reservation.MemoryBytes) * reservation.Overcommit);

    private static void Check(GuestRecord guest, long memory, ResourceUsage usage, string action = "to start")
    {
        if (usage.CommittedMemoryBytes + memory <= usage.GuestMemoryLimitBytes)
            return;
        throw new ConflictException(
            $"Not enough memory {action} {guest.Describe()}: it needs {Sizes.Format(memory)}, but running guests hold " +
            $"{Sizes.Format(usage.CommittedMemoryBytes)} of the {Sizes.Format(usage.GuestMemoryLimitBytes)} guests may use " +
            $"(host memory minus the {Sizes.Format(usage.ReservedMemoryBytes)} reserved for the host, overcommit {usage.Overcommit:0.##}). " +
            "Stop a guest, give this one less memory, or change reserved/overcommit in the config file.");
    }

    private static (long MemoryBytes, int Cpus) Demand(GuestRecord guest) => (guest.Config.MemoryBytes, guest.Config.Cpus);

    private void Release(int id)
    {
        lock (_gate)
            _starting.Remove(id);
    }

    private sealed class Claim(ResourceLedger ledger, int id) : IDisposable
    {
        public void Dispose() => ledger.Release(id);
    }
}
