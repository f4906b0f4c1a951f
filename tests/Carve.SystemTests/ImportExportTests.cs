using Carve.SystemTests.Harness;
using Carve.Tests.Shared;

namespace Carve.SystemTests;

/// <summary>
/// carve vm import and export with the real daemon, CLI, qemu-img and QEMU: a VMware-style OVA boots, round
/// trips keep the disk (qemu-img compare) and the settings, and hostile packages leave nothing behind.
/// </summary>
public sealed class ImportExportTests
{
    private static readonly TimeSpan Boot = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_vmware_style_ova_imports_and_boots()
    {
        await using var d = await DaemonProcess.StartAsync();
        var ova = await VmwareOva.BuildAsync(d.ImagesDir, "appliance", TestGuest.BiosDisk);

        (await d.CarveAsync("vm", "import", ova, "--name", "appliance")).EnsureSuccess();

        var vm = await d.ShowAsync("appliance");
        var config = vm.GetProperty("config");
        Assert.Equal((2, 256, "bios"), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32(), config.GetProperty("firmware").GetString()));
        var disk = vm.GetProperty("disks")[0];
        Assert.Equal(("qcow2", new FileInfo(TestGuest.BiosDisk).Length), (disk.GetProperty("format").GetString(), disk.GetProperty("virtualSizeBytes").GetInt64()));
        await AssertSameDiskAsync(d, "appliance", TestGuest.BiosDisk);

        (await d.CarveAsync("vm", "start", "appliance")).EnsureSuccess();
        await d.WaitForConsoleAsync("appliance", Boot, "CARVE-FIRMWARE=bios", "CARVE-BOOT-MODE=bios", "CARVE-READY");
        var running = await d.CarveAsync("vm", "export", "appliance", "-o", Path.Combine(d.Root, "x.ova"));
        Assert.NotEqual(0, running.ExitCode);
        Assert.Contains("is running", running.Stderr, StringComparison.Ordinal);
        (await d.CarveAsync("vm", "stop", "appliance")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "appliance")).EnsureSuccess();
    }

    [Theory]
    [InlineData("ova")]
    [InlineData("vhdx")]
    [InlineData("qcow2")]
    public async Task Export_then_import_keeps_the_disk_and_the_settings(string format)
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CarveAsync("vm", "create", "orig", "--cpus", "3", "--memory", "320", "--firmware", "uefi", "--disk", $"import={TestGuest.UefiDisk}")).EnsureSuccess();
        var file = Path.Combine(d.ImagesDir, $"orig.{format}");

        var export = await d.CarveAsync("vm", "export", "orig", "--format", format, "-o", file);

        export.EnsureSuccess();
        Assert.Contains($"Wrote {file}", export.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(d.DataDir, "exports")));
        (await d.CarveAsync("vm", "import", file, "--name", "back")).EnsureSuccess();
        await AssertSameDiskAsync(d, "back", TestGuest.UefiDisk);
        if (format == "ova")
        {
            var config = (await d.ShowAsync("back")).GetProperty("config");
            Assert.Equal((3, 320, "uefi"), (config.GetProperty("cpus").GetInt32(), config.GetProperty("memoryMiB").GetInt32(), config.GetProperty("firmware").GetString()));
        }
    }

    [Theory]
    [InlineData("xxe")]
    [InlineData("traversal")]
    [InlineData("truncated")]
    [InlineData("oversized")]
    public async Task A_malicious_package_is_refused_and_leaves_nothing(string attack)
    {
        await using var d = await DaemonProcess.StartAsync();
        var ova = await VmwareOva.BuildAsync(d.ImagesDir, "evil", TestGuest.DataDisk, new VmwareOvaOptions
        {
            EditOvf = attack switch
            {
                "xxe" => ovf => ovf.Replace("<Envelope ", "<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file:///etc/shadow\">]>\n<Envelope ", StringComparison.Ordinal)
                    .Replace("<Name>evil</Name>", "<Name>&xxe;</Name>", StringComparison.Ordinal),
                "traversal" => ovf => ovf.Replace("ovf:href=\"evil-disk1.vmdk\"", "ovf:href=\"../../../../etc/shadow\"", StringComparison.Ordinal),
                "oversized" => ovf => ovf.Replace("ovf:capacityAllocationUnits=\"byte * 2^20\"", "ovf:capacityAllocationUnits=\"byte * 2^50\"", StringComparison.Ordinal),
                _ => ovf => ovf,
            },
        });
        if (attack == "truncated")
        {
            await using var file = new FileStream(ova, FileMode.Open);
            file.SetLength(file.Length / 2);
        }

        var result = await d.CarveAsync("vm", "import", ova, "--name", "evil");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(0, Json.Parse(await d.CarveAsync("vm", "list", "-o", "json")).GetArrayLength());
        var pool = Path.Combine(d.DataDir, "pools", "local");
        Assert.Empty(Directory.Exists(pool) ? Directory.EnumerateFileSystemEntries(pool) : []);
    }

    /// <summary>The VM's first volume holds the same guest-visible bytes as <paramref name="raw"/>.</summary>
    private static async Task AssertSameDiskAsync(DaemonProcess d, string vm, string raw)
    {
        var disk = (await d.ShowAsync(vm)).GetProperty("disks")[0];
        var volume = Path.Combine(d.DataDir, "pools", disk.GetProperty("pool").GetString()!, disk.GetProperty("volume").GetString()!);
        var compare = await Processes.RunAsync("qemu-img", ["compare", "-f", "raw", "-F", "qcow2", raw, volume]);
        Assert.True(compare.ExitCode == 0, $"qemu-img compare: {compare.Stdout} {compare.Stderr}");
    }
}
