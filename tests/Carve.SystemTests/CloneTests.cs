using System.Security.Cryptography;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>Templates and clones of a real VM: linked clones boot and never write to the template's disks.</summary>
public sealed class CloneTests
{
    [Fact]
    public async Task LinkedCloneOfATemplateBootsAndLeavesTheTemplateUntouched()
    {
        await using var d = await DaemonProcess.StartAsync();
        (await d.CreateDirectBootVmAsync("golden", "--disk", $"import={TestGuest.DataDisk}")).EnsureSuccess();
        Assert.Equal(1, await BootCounter.BootAsync(d, "golden"));
        (await d.CarveAsync("snapshot", "create", "golden", "one")).EnsureSuccess();
        Assert.Equal(2, await BootCounter.BootAsync(d, "golden"));
        (await d.CarveAsync("vm", "set", "golden", "--memory", "320")).EnsureSuccess();

        var notTemplate = await d.CarveAsync("clone", "golden", "thin", "--linked");
        Assert.Equal(1, notTemplate.ExitCode);
        Assert.Contains("template", notTemplate.Stderr, StringComparison.Ordinal);

        (await d.CarveAsync("vm", "template", "golden")).EnsureSuccess();
        var refused = await d.CarveAsync("vm", "start", "golden");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("template", refused.Stderr, StringComparison.Ordinal);
        var resize = await d.CarveAsync("vm", "set", "golden", "--resize", "disk0=+1G");
        Assert.Equal(1, resize.ExitCode);
        Assert.Contains("template", resize.Stderr, StringComparison.Ordinal);
        var pool = Path.Combine(d.DataDir, "pools", "local");
        var templateDisk = Directory.GetFiles(pool, "vm-100-*.qcow2").Single();
        var templateHash = await HashAsync(templateDisk);

        (await d.CarveAsync("clone", "golden", "thin", "--linked")).EnsureSuccess();
        (await d.CarveAsync("clone", "golden", "old", "--snapshot", "one")).EnsureSuccess();
        Assert.Equal(3, await BootCounter.BootAsync(d, "thin"));
        Assert.Equal(4, await BootCounter.BootAsync(d, "thin"));
        // The full clone from snapshot "one" starts from the count at that snapshot, with the memory the VM had then.
        Assert.Equal(2, await BootCounter.BootAsync(d, "old"));
        Assert.Equal(256, (await d.ShowAsync("old")).GetProperty("config").GetProperty("memoryMiB").GetInt32());
        Assert.Equal(320, (await d.ShowAsync("thin")).GetProperty("config").GetProperty("memoryMiB").GetInt32());
        Assert.Equal(templateHash, await HashAsync(templateDisk));

        Assert.True((await d.ShowAsync("golden")).GetProperty("template").GetBoolean());
        var golden = (await d.ShowAsync("golden")).GetProperty("config");
        var thin = (await d.ShowAsync("thin")).GetProperty("config");
        Assert.NotEqual(golden.GetProperty("uuid").GetString(), thin.GetProperty("uuid").GetString());
        Assert.NotEqual(golden.GetProperty("nics")[0].GetProperty("mac").GetString(), thin.GetProperty("nics")[0].GetProperty("mac").GetString());

        var delete = await d.CarveAsync("vm", "delete", "golden");
        Assert.Equal(1, delete.ExitCode);
        Assert.Contains("linked clone", delete.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(templateDisk));
        (await d.CarveAsync("vm", "delete", "thin")).EnsureSuccess();
        (await d.CarveAsync("vm", "delete", "golden")).EnsureSuccess();
        Assert.Equal(3, await BootCounter.BootAsync(d, "old"));
    }

    private static async Task<string> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(file));
    }
}
