using System.Globalization;
using System.Runtime.InteropServices;
using Carve.Host.Proc;

namespace Carve.Host.Hardware;

/// <summary>sched_setaffinity(2) for every thread of a process, so a guest's vCPUs stay off the host's reserved cores.</summary>
public static partial class CpuAffinity
{
    private const int MaskBytes = 128; // 1024 CPUs, as glibc's cpu_set_t

    /// <summary>Pins every current thread of <paramref name="pid"/>; threads made later inherit from their creator.</summary>
    public static void PinProcess(ProcFs proc, int pid, IReadOnlyCollection<int> cpus)
    {
        var mask = Mask(cpus);
        foreach (var tid in proc.ListThreads(pid))
            if (sched_setaffinity(tid, (nuint)mask.Length, mask) != 0 && Marshal.GetLastPInvokeError() != 3) // ESRCH: the thread ended
                throw new IOException($"sched_setaffinity({tid}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Parses a kernel CPU list such as "0-3,6" (Cpus_allowed_list, cpuset.cpus).</summary>
    public static IReadOnlyList<int> ParseList(string text)
    {
        var cpus = new SortedSet<int>();
        foreach (var part in text.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            var first = int.Parse(range[0], CultureInfo.InvariantCulture);
            var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
            for (var c = first; c <= last; c++)
                cpus.Add(c);
        }
        return cpus.ToList();
    }

    /// <summary>The kernel's list form: 0-3,6.</summary>
    public static string FormatList(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            parts.Add(i == j ? Str(sorted[i]) : $"{Str(sorted[i])}-{Str(sorted[j])}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static byte[] Mask(IReadOnlyCollection<int> cpus)
    {
        var mask = new byte[MaskBytes];
        foreach (var cpu in cpus)
        {
            if (cpu is < 0 or >= MaskBytes * 8)
                throw new ArgumentOutOfRangeException(nameof(cpus), $"CPU {cpu} is out of range.");
            mask[cpu / 8] |= (byte)(1 << (cpu % 8));
        }
        return mask;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint cpusetsize, byte[] mask);
}
