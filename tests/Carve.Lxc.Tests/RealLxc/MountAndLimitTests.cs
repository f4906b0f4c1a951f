using Carve.Lxc.Guests;
using Carve.Core.Errors;
using Carve.Lxc.Cgroups;
using Carve.Lxc.Config;
using Carve.Lxc.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.RealLxc;

[Collection(LxcCollection.Name)]
public sealed class MountAndLimitTests(ITestOutputHelper output)
{
    [LxcFact]
    public async Task A_bind_mounted_host_dir_is_visible_inside_and_read_only_when_asked()
    {
        await using var lxc = new LxcHarness(output);
        // A space in the path exercises the \040 escape of lxc.mount.entry.
        var shared = Path.Combine(lxc.Root, "host data");
        var readOnly = Path.Combine(lxc.Root, "ro");
        Directory.CreateDirectory(shared);
        Directory.CreateDirectory(readOnly);
        await File.WriteAllTextAsync(Path.Combine(shared, "hello"), "from the host\n");
        await File.WriteAllTextAsync(Path.Combine(readOnly, "fixed"), "read me\n");
        var guest = await lxc.StartedAsync("mounts", c => c with
        {
            Mounts = [new CtMount(shared, "/mnt/host data", ReadOnly: false), new CtMount(readOnly, "/srv/ro", ReadOnly: true)],
        });

        Assert.Equal("from the host\n", (await lxc.ExecAsync(guest, ["cat", "/mnt/host data/hello"])).Stdout);
        await File.WriteAllTextAsync(Path.Combine(shared, "later"), "written while it runs\n");
        Assert.Equal("written while it runs\n", (await lxc.ExecAsync(guest, ["cat", "/mnt/host data/later"])).Stdout);
        Assert.Equal("read me\n", (await lxc.ExecAsync(guest, ["cat", "/srv/ro/fixed"])).Stdout);
        var write = await lxc.ExecAsync(guest, ["sh", "-c", "echo x > /srv/ro/new"]);
        Assert.NotEqual(0, write.ExitCode);
        Assert.Contains("Read-only file system", write.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(readOnly, "new")));
    }

    [LxcFact]
    public async Task A_missing_mount_source_is_a_bad_request_before_anything_is_made()
    {
        await using var lxc = new LxcHarness(output);
        var guest = lxc.Guest("nomount", c => c with { Mounts = [new CtMount("/does/not/exist", "/mnt", false)] });
        var e = await Assert.ThrowsAsync<BadRequestException>(() => lxc.Driver.CreateAsync(guest, lxc.Task(), CancellationToken.None));
        Assert.Equal("The mount source /does/not/exist does not exist.", e.Message);
        Assert.False(Directory.Exists(Path.Combine(lxc.Pools.Default.Path, $"ct-{guest.Id}-rootfs")));
    }

    [LxcFact]
    public async Task A_failed_create_leaves_no_volume_behind()
    {
        await using var lxc = new LxcHarness(output);
        var guest = lxc.Guest("early", c => c with { Template = "no-such-template" });
        await Assert.ThrowsAsync<BadRequestException>(() => lxc.Driver.CreateAsync(guest, lxc.Task(), CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(lxc.Pools.Default.Path, $"ct-{guest.Id}-rootfs")));
        Assert.False(Directory.Exists(lxc.Driver.Paths(guest).ContainerDir));
    }

    [LxcFact]
    public async Task A_memory_hog_is_oom_killed_and_limits_change_live()
    {
        await using var lxc = new LxcHarness(output);
        var guest = await lxc.StartedAsync("hog", c => c with { MemoryMiB = 64 });
        Assert.Equal(64L << 20, lxc.Driver.Inspect(guest).MemoryLimitBytes);

        // A 200 MB shell string lives in RAM; the cgroup allows 64 MiB and no swap.
        var hog = await lxc.ExecAsync(guest, ["sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo ${#x}"]);
        output.WriteLine($"hog: exit {hog.ExitCode}, stdout '{hog.Stdout.Trim()}', stderr '{hog.Stderr.Trim()}'");
        Assert.NotEqual(0, hog.ExitCode);
        Assert.True(lxc.Driver.Inspect(guest).OomKills >= 1);
        Assert.Equal("still here\n", (await lxc.ExecAsync(guest, ["echo", "still here"])).Stdout);

        var bigger = guest with { Config = guest.Config with { MemoryMiB = 256, Cpus = 2 } };
        var task = lxc.Task();
        await lxc.Driver.ApplyLimitsAsync(bigger, task, CancellationToken.None);
        Assert.Contains(task.Lines, l => l.Contains("Applied 2 CPU(s) and 256 MiB", StringComparison.Ordinal));
        Assert.Equal(256L << 20, lxc.Driver.Inspect(bigger).MemoryLimitBytes);
        Assert.Equal(bigger.Config.ToJson(), lxc.Driver.Inspect(bigger).AppliedConfigJson);
        var cgroup = new ContainerCgroup(lxc.Host.Cgroups, CgroupMembership.Parse(await File.ReadAllTextAsync($"/proc/{lxc.Driver.Inspect(bigger).Pid}/cgroup")));
        var cpu = lxc.Host.Cgroups.Version == CgroupVersion.V1
            ? await File.ReadAllTextAsync(Path.Combine(cgroup.CpuDir!, "cpu.cfs_quota_us"))
            : await File.ReadAllTextAsync(Path.Combine(cgroup.CpuDir!, "cpu.max"));
        Assert.StartsWith("200000", cpu, StringComparison.Ordinal);
        // The next start gets the same limits from the rewritten config.
        Assert.Contains("= 268435456", await File.ReadAllTextAsync(lxc.Driver.Paths(bigger).ConfigFile), StringComparison.Ordinal);
    }
}
