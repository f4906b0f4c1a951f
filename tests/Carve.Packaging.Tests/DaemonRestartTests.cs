using Carve.Packaging.Tests.Support;
using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests;

/// <summary>
/// What systemctl restart and a package upgrade do to carved under carved.service (KillMode=process): SIGTERM to
/// carved alone, then the same ExecStart program again, while a real VM and a real container run. The program is the
/// packaged /usr/sbin/carved (unpacked with dpkg-deb -x), with the test's own data and run dirs.
/// </summary>
public sealed class DaemonRestartTests
{
    [Fact]
    public async Task Restart_keeps_a_vm_and_a_container_running_with_the_same_pids()
    {
        using var package = await ExtractedPackage.ExtractAsync(DebPackage.FilePath);
        await using var d = await DaemonProcess.StartAsync(daemonBinary: package.Daemon);
        try
        {
            var before = await StartGuestsAsync(d);

            await d.TerminateAsync();
            Assert.True(Processes.IsRunning(before.Qemu), "the VM's QEMU died with carved");
            Assert.True(Processes.IsRunning(before.Init), "the container died with carved");
            await d.LaunchAsync();

            await AssertAdoptedAsync(d, before);
        }
        finally
        {
            await d.CarveAsync("ct", "delete", "box", "--force");
        }
    }

    [Fact]
    public async Task Upgrade_replaces_the_files_under_a_running_carved_and_the_new_one_adopts_the_guests()
    {
        var work = Directory.CreateTempSubdirectory("carve-upgrade-").FullName;
        try
        {
            // The installed package: revision 1.
            using var installed = await ExtractedPackage.ExtractAsync(DebPackage.FilePath, Path.Combine(work, "root"));
            await using var d = await DaemonProcess.StartAsync(daemonBinary: installed.Daemon);
            try
            {
                var before = await StartGuestsAsync(d);

                // dpkg unpacks revision 2 over the files the running carved was started from (prerm upgrade leaves it
                // running), then postinst restarts it: SIGTERM to carved alone, and the new files' carved starts.
                var newer = await DebPackage.BuildRevisionAsync(2, work);
                await ExtractedPackage.ExtractAsync(newer, installed.Root);
                Assert.True(Processes.IsRunning(d.Pid), "carved stopped while its files were replaced");
                await d.TerminateAsync();
                await d.LaunchAsync();

                await AssertAdoptedAsync(d, before);
                var changelog = await Processes.RunAsync("zcat", [installed.At("/usr/share/doc/carve/changelog.Debian.gz")]);
                Assert.Contains($"({DebPackage.UpstreamVersion}-2)", changelog.Stdout, StringComparison.Ordinal);
            }
            finally
            {
                await d.CarveAsync("ct", "delete", "box", "--force");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Guests(int Qemu, int Init);

    private static async Task<Guests> StartGuestsAsync(DaemonProcess d)
    {
        (await d.CreateDirectBootVmAsync("web", "--start")).EnsureSuccess();
        (await d.CarveAsync("ct", "create", "box", "--template", "busybox", "--memory", "128", "--start")).EnsureSuccess();
        var init = (await d.ShowCtAsync("box")).GetProperty("runtime").GetProperty("initPid").GetInt32();
        return new Guests(await d.QemuPidAsync("web"), init);
    }

    /// <summary>The new carved lists both guests as running with the old processes, and controls them.</summary>
    private static async Task AssertAdoptedAsync(DaemonProcess d, Guests before)
    {
        var list = Json.Parse(await d.CarveAsync("list", "-o", "json"));
        Assert.Equal(2, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), g => Assert.Equal("running", g.GetProperty("status").GetString()));
        Assert.Equal(before.Qemu, await d.QemuPidAsync("web"));
        Assert.Equal(before.Init, (await d.ShowCtAsync("box")).GetProperty("runtime").GetProperty("initPid").GetInt32());
        Assert.Equal("alive\n", (await d.CarveAsync("ct", "exec", "box", "--", "echo", "alive")).Stdout);

        (await d.CarveAsync("vm", "stop", "web")).EnsureSuccess();
        Assert.False(Processes.IsRunning(before.Qemu), "QEMU still runs after the new carved stopped it");
        (await d.CarveAsync("ct", "stop", "box")).EnsureSuccess();
        Assert.False(Processes.IsRunning(before.Init), "the container still runs after the new carved stopped it");
    }
}
