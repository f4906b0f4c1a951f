using Carve.Core.Errors;

namespace Carve.Core.Validation;

/// <summary>The bounds of the settings every kind of guest has, checked at the edge.</summary>
public static class GuestLimits
{
    public const int MaxCpus = 256;
    public const int MinMemoryMiB = 16;
    public const int MaxMemoryMiB = 4 << 20;

    public static void Cpus(int cpus)
    {
        if (cpus is < 1 or > MaxCpus)
            throw new BadRequestException($"CPUs must be between 1 and {MaxCpus}, not {cpus}.");
    }

    public static void Memory(int mib)
    {
        if (mib is < MinMemoryMiB or > MaxMemoryMiB)
            throw new BadRequestException($"Memory must be between {MinMemoryMiB} and {MaxMemoryMiB} MiB, not {mib}.");
    }

    public static void Description(string? text)
    {
        if (text is { Length: > 4096 })
            throw new BadRequestException("The description is longer than 4096 characters.");
    }

    /// <summary>The common settings of a change request: each is checked only when given.</summary>
    public static void Check(int? cpus, int? memoryMiB, string? description)
    {
        if (cpus is { } c)
            Cpus(c);
        if (memoryMiB is { } m)
            Memory(m);
        Description(description);
    }
}
