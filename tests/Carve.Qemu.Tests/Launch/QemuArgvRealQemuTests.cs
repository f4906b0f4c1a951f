using System.Net.Sockets;
using System.Text.Json;
using Carve.Host.Processes;
using Carve.Qemu.Launch;
using Carve.Qemu.Qmp;
using Carve.Qemu.Tests.Support;

namespace Carve.Qemu.Tests.Launch;

/// <summary>
/// Proves qemu-system-x86_64 accepts the builder's argv: each golden case is re-pointed at real
/// files in a temp directory, started paused (-S, not daemonized), inspected over QMP and quit.
/// </summary>
public sealed class QemuArgvRealQemuTests
{
    [QemuFact]
    public Task Minimal_bios_is_accepted() => AssertAcceptedAsync("minimal-bios");

    [QemuFact]
    public Task Uefi_with_cdrom_is_accepted() => AssertAcceptedAsync("uefi-with-cdrom");

    [QemuFact]
    public Task Direct_kernel_is_accepted() => AssertAcceptedAsync("direct-kernel");

    [QemuFact]
    public Task Two_disks_two_nics_is_accepted() => AssertAcceptedAsync("two-disks-two-nics");

    [QemuFact]
    public Task Comma_in_path_is_accepted() => AssertAcceptedAsync("comma-in-path");

    [QemuFact]
    public Task Cdrom_only_is_accepted() => AssertAcceptedAsync("cdrom-only");

    [QemuFact]
    public Task I440fx_ide_is_accepted() => AssertAcceptedAsync("i440fx-ide");

    [QemuFact]
    public async Task Daemonized_qemu_detaches_writes_its_pid_and_quits_over_qmp()
    {
        using var dir = new TempDirectory();
        var spec = await RealizeAsync(GoldenCases.All["two-disks-two-nics"], dir.Path) with { Daemonize = true };

        // As carved will run it: the command returns once QEMU is ready and has detached.
        var started = await new ProcessRunner().RunAsync(
            new ProcessSpec(RealQemu.System, [.. QemuArgvBuilder.Build(spec), "-S"]) { Timeout = TimeSpan.FromSeconds(30) },
            CancellationToken.None);
        Assert.True(started.Succeeded, started.LastErrorLine);
        var pid = int.Parse(File.ReadAllText(spec.PidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await using var qmp = await QmpClient.ConnectAsync(spec.QmpSocket, CancellationToken.None);
            Assert.Equal("prelaunch", (await qmp.QueryStatusAsync(CancellationToken.None)).Status);
            await qmp.QuitAsync(CancellationToken.None);
            await qmp.Closed.WaitAsync(TimeSpan.FromSeconds(10));
            for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++)
                await Task.Delay(50);
            Assert.False(Directory.Exists($"/proc/{pid}"), $"QEMU (pid {pid}) is still running after quit");
        }
        finally
        {
            if (Directory.Exists($"/proc/{pid}"))
                System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }

    private static async Task AssertAcceptedAsync(string caseName)
    {
        using var dir = new TempDirectory();
        // The comma case keeps its commas: they must survive QEMU's option parser for real.
        var root = caseName == "comma-in-path" ? Path.Combine(dir.Path, "a,b") : dir.Path;
        Directory.CreateDirectory(root);
        var spec = await RealizeAsync(GoldenCases.All[caseName], root);

        var (qemu, qmp) = await RunningQemu.StartAsync([.. QemuArgvBuilder.Build(spec), "-S"], spec.QmpSocket);
        await using var _ = qemu;
        await using var __ = qmp;

        Assert.Equal("prelaunch", (await qmp.QueryStatusAsync(CancellationToken.None)).Status);
        var block = await qmp.QueryBlockAsync(CancellationToken.None);
        foreach (var disk in spec.Disks)
            Assert.Equal(disk.Path, Assert.Single(block, b => b.Device == disk.Id).File);
        if (spec.CdromPath is not null)
            Assert.Equal(spec.CdromPath, Assert.Single(block, b => b.Device == "cdrom0").File);
        if (spec.Cmdline is not null)
            Assert.Equal(spec.Cmdline, await QomGetStringAsync(qmp, "append"));
        if (spec.KernelPath is not null)
            Assert.Equal(spec.KernelPath, await QomGetStringAsync(qmp, "kernel"));
        Assert.True(File.Exists(spec.SerialLog), "QEMU did not create the serial log");
        Assert.Equal("RFB 003.008\n", await ReadVncGreetingAsync(spec.VncSocket));

        await qmp.QuitAsync(CancellationToken.None);
        var exit = await qemu.ExitAsync();
        Assert.Equal(0, exit.ExitCode);
        Assert.Equal("", exit.Stderr.Trim());
    }

    /// <summary>The VNC server's protocol version line: the console is served even with -display none.</summary>
    private static async Task<string> ReadVncGreetingAsync(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        var buffer = new byte[12];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (n == 0)
                break;
            read += n;
        }
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static async Task<string?> QomGetStringAsync(QmpClient qmp, string property)
    {
        var value = await qmp.ExecuteAsync("qom-get", new System.Text.Json.Nodes.JsonObject { ["path"] = "/machine", ["property"] = property }, CancellationToken.None);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The same spec with every path moved under <paramref name="root"/> and the files it names created.</summary>
    internal static async Task<QemuLaunchSpec> RealizeAsync(QemuLaunchSpec spec, string root)
    {
        var disks = new List<QemuDisk>();
        foreach (var disk in spec.Disks)
        {
            var path = Path.Combine(root, $"{disk.Id},img.{disk.Format}");
            var created = await new ProcessRunner().RunAsync(
                new ProcessSpec(RealQemu.Img, ["create", "-q", "-f", disk.Format, path, "32M"]), CancellationToken.None);
            Assert.True(created.Succeeded, created.Stderr);
            disks.Add(disk with { Path = path });
        }
        return spec with
        {
            QmpSocket = Path.Combine(root, "qmp.sock"),
            SerialSocket = Path.Combine(root, "serial.sock"),
            SerialLog = Path.Combine(root, "serial.log"),
            VncSocket = Path.Combine(root, "vnc.sock"),
            PidFile = Path.Combine(root, "qemu.pid"),
            Daemonize = false,
            Disks = disks,
            CdromPath = spec.CdromPath is null ? null : await WriteAsync(root, "cd.iso", new byte[1 << 20]),
            KernelPath = spec.KernelPath is null ? null : await WriteAsync(root, "vmlinuz", FakeKernel.Create()),
            InitrdPath = spec.InitrdPath is null ? null : await WriteAsync(root, "initrd", new byte[4096]),
            Uefi = spec.Uefi is null ? null : new QemuFirmware(RealQemu.OvmfCode, await CopyAsync(RealQemu.OvmfVars, root, "vars.fd")),
        };
    }

    private static async Task<string> WriteAsync(string root, string name, byte[] content)
    {
        var path = Path.Combine(root, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static async Task<string> CopyAsync(string source, string root, string name) =>
        await WriteAsync(root, name, await File.ReadAllBytesAsync(source));
}
