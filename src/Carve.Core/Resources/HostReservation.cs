using Carve.Core.Configuration;
using Carve.Core.Validation;

namespace Carve.Core.Resources;

/// <summary>
/// The reservation of the config file checked against this host: memory in bytes, the reserved cores, and the cores
/// left for guests. A reservation that cannot be honoured (every core reserved, more memory than the host has) stops
/// the daemon at start with a clear message rather than surprising the first guest.
/// </summary>
public sealed record HostReservation
{
    public long MemoryBytes { get; init; }
    public IReadOnlyList<int> ReservedCpus { get; init; } = [];
    /// <summary>Where guests run; every online core when nothing is reserved.</summary>
    public IReadOnlyList<int> GuestCpus { get; init; } = [];
    public double Overcommit { get; init; } = 1.0;

    /// <summary>True when guests must be kept off some cores.</summary>
    public bool PinsGuests => ReservedCpus.Count > 0;

    public static HostReservation From(CarveOptions options, int hostCpus, long hostMemoryBytes)
    {
        long memory;
        try
        {
            memory = Sizes.Parse("reserved memory", options.Reserved.Memory);
        }
        catch (Errors.BadRequestException e)
        {
            throw new InvalidDataException($"The config's reserved.memory is not valid: {e.Message}", e);
        }
        if (hostMemoryBytes > 0 && memory >= hostMemoryBytes)
            throw new InvalidDataException(
                $"The config reserves {Sizes.Format(memory)} of memory, but the host has only {Sizes.Format(hostMemoryBytes)}: nothing would be left for guests.");
        var reserved = options.Reserved.Cpus.Distinct().Order().ToList();
        foreach (var bad in reserved.Where(c => c < 0 || c >= hostCpus))
            throw new InvalidDataException($"The config reserves CPU {bad}, but the host's CPUs are 0-{hostCpus - 1}.");
        var guests = Enumerable.Range(0, hostCpus).Except(reserved).ToList();
        if (guests.Count == 0)
            throw new InvalidDataException($"The config reserves every CPU (0-{hostCpus - 1}) for the host: leave at least one for guests.");
        if (options.Overcommit is < 1.0 or > 16.0 || double.IsNaN(options.Overcommit))
            throw new InvalidDataException($"The config's overcommit must be between 1.0 (none) and 16, not {options.Overcommit}.");
        return new HostReservation { MemoryBytes = memory, ReservedCpus = reserved, GuestCpus = guests, Overcommit = options.Overcommit };
    }
}
