using Carve.Core.Tests.Support;
using Carve.Host.Proc;

namespace Carve.Core.Tests.Host;

/// <summary>ProcFs against a fixture tree laid out like /proc.</summary>
public sealed class ProcFsTests : IDisposable
{
    private const long BootTime = 1_700_000_000;
    private readonly TempDir _root = new();
    private readonly ProcFs _proc;

    public ProcFsTests()
    {
        _root.Write("stat", "cpu  1 2 3 4 5 6 7 0 0 0\ncpu0 1 2 3 4 5 6 7 0 0 0\nintr 12345\nctxt 999\nbtime 1700000000\nprocesses 42\n");
        _root.Write("meminfo", "MemTotal:       16384000 kB\nMemFree:         1000000 kB\nMemAvailable:    8192000 kB\nBuffers:           12345 kB\n");
        _root.Write("cpuinfo", "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n\nprocessor\t: 1\n");
        _root.Write("321/status", "Name:\tqemu-system-x86\nState:\tS (sleeping)\nVmPeak:\t 3000000 kB\nVmRSS:\t  524288 kB\nRssAnon:\t  500000 kB\n");
        _root.Write("321/stat", ProcessStatTests.StatLine(321, "qemu-system-x86", utime: 100, stime: 50, start: 25_050));
        _root.Write("321/cmdline", "qemu-system-x86_64\0-name\0guest=web\0-qmp\0unix:/run/carve/qemu/100/qmp.sock,server=on\0");
        _proc = new ProcFs(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Reads_the_one_minute_load_average()
    {
        _root.Write("loadavg", "1.52 0.90 0.41 3/412 12345\n");
        Assert.Equal(1.52, _proc.ReadLoadAverage());
    }

    [Fact]
    public void The_load_average_is_null_without_loadavg() => Assert.Null(_proc.ReadLoadAverage());

    [Fact]
    public void Reads_the_bytes_a_process_made_the_disk_read_and_write()
    {
        _root.Write("321/io", "rchar: 900000\nwchar: 800000\nsyscr: 10\nsyscw: 20\nread_bytes: 409600\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n");
        Assert.Equal((409600L, 8192L), _proc.ReadIoBytes(321));
        Assert.Null(_proc.ReadIoBytes(999));
    }

    [Fact]
    public void Reads_the_resident_set_size_in_bytes_from_status() =>
        Assert.Equal(524288L * 1024, _proc.ReadRssBytes(321));

    [Fact]
    public void Rss_of_a_missing_process_is_null() => Assert.Null(_proc.ReadRssBytes(999));

    [Fact]
    public void Rss_is_null_when_status_has_no_VmRSS_line()
    {
        // Kernel threads have no VmRSS.
        _root.Write("2/status", "Name:\tkthreadd\nState:\tS (sleeping)\n");
        Assert.Null(_proc.ReadRssBytes(2));
    }

    [Fact]
    public void Reads_the_boot_time_from_stat() => Assert.Equal(BootTime, _proc.BootTimeUnixSeconds());

    [Fact]
    public void Reads_total_and_available_memory_in_bytes_from_meminfo() =>
        Assert.Equal((16384000L * 1024, 8192000L * 1024), _proc.ReadMemory());

    [Fact]
    public void Reads_the_cpu_model() => Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", _proc.ReadCpuModel());

    [Fact]
    public void Reads_a_process_stat() =>
        Assert.Equal(new ProcessStat(321, "qemu-system-x86", 'S', 100, 50, 25_050), _proc.ReadStat(321));

    [Fact]
    public void The_start_time_is_boot_time_plus_start_ticks_at_100_per_second() =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(BootTime).AddSeconds(250.5), _proc.ReadStartTime(321));

    [Fact]
    public void Reads_the_argv_split_at_nul_bytes() =>
        Assert.Equal(["qemu-system-x86_64", "-name", "guest=web", "-qmp", "unix:/run/carve/qemu/100/qmp.sock,server=on"], _proc.ReadCmdline(321));

    [Fact]
    public void A_process_directory_means_alive()
    {
        Assert.True(_proc.IsAlive(321));
        Assert.False(_proc.IsAlive(322));
        Assert.False(_proc.IsAlive(0));
    }

    [Fact]
    public void A_missing_process_has_no_stat_argv_or_start_time()
    {
        Assert.Null(_proc.ReadStat(999));
        Assert.Null(_proc.ReadCmdline(999));
        Assert.Null(_proc.ReadStartTime(999));
    }

    [Fact]
    public void An_empty_root_gives_zeros_rather_than_errors()
    {
        using var empty = new TempDir();
        var proc = new ProcFs(empty.Path);
        Assert.Equal(0, proc.BootTimeUnixSeconds());
        Assert.Equal((0L, 0L), proc.ReadMemory());
        Assert.Equal("unknown", proc.ReadCpuModel());
    }
}
