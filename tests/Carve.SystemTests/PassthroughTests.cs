using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// PCI passthrough against this machine's real sysfs. It has no device that may be passed through, so a start
/// must be refused with the device's reason and leave the VM stopped and every driver where it was.
/// </summary>
public sealed class PassthroughTests
{
    [Fact]
    public async Task StartWithAnIneligibleDeviceIsRefusedAndLeavesTheHostAlone()
    {
        await using var d = await DaemonProcess.StartAsync();
        var refused = Json.Parse(await d.CarveAsync("host", "pci", "-o", "json")).EnumerateArray().First(p => !p.GetProperty("passthrough").GetBoolean());
        var address = refused.GetProperty("address").GetString()!;
        var driverBefore = DriverOf(address);

        (await d.CreateDirectBootVmAsync("pt", "--hostpci", $"{address},rombar=off", "--hostusb", "1d6b:0002")).EnsureSuccess();
        var config = (await d.ShowAsync("pt")).GetProperty("config");
        Assert.Equal(address, config.GetProperty("hostPci")[0].GetProperty("address").GetString());
        Assert.False(config.GetProperty("hostPci")[0].GetProperty("romBar").GetBoolean());

        var start = await d.CarveAsync("vm", "start", "pt");
        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains($"{address} cannot be passed through: {refused.GetProperty("reason").GetString()}", start.Stderr + start.Stdout, StringComparison.Ordinal);
        Assert.Equal("stopped", (await d.ShowAsync("pt")).GetProperty("status").GetString());
        Assert.Equal(driverBefore, DriverOf(address));
        Assert.Equal("(null)", File.ReadAllText($"/sys/bus/pci/devices/{address}/driver_override").Trim());

        // Without the device the same VM starts.
        (await d.CarveAsync("vm", "set", "pt", "--hostpci", "none", "--hostusb", "none")).EnsureSuccess();
        Assert.Equal(0, (await d.ShowAsync("pt")).GetProperty("config").GetProperty("hostPci").GetArrayLength());
        (await d.CarveAsync("vm", "start", "pt")).EnsureSuccess();
        await d.WaitForConsoleAsync("pt", TimeSpan.FromSeconds(90), "CARVE-READY");
        // Devices set on a running VM wait for its next start, and show says so.
        (await d.CarveAsync("vm", "set", "pt", "--hostusb", "1d6b:0002")).EnsureSuccess();
        Assert.Equal(["hostUsb: none -> 1d6b:0002"], (await d.ShowAsync("pt")).GetProperty("pendingChanges").EnumerateArray().Select(p => p.GetString()));
        (await d.CarveAsync("vm", "stop", "pt")).EnsureSuccess();
    }

    [Fact]
    public async Task BadDeviceSpecsAreUsageErrors()
    {
        await using var d = await DaemonProcess.StartAsync();
        var bad = await d.CreateDirectBootVmAsync("pt", "--hostpci", "0000:01:00.0,x-vga=on");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("'x-vga=on' is not rombar=on, rombar=off or primary-gpu", bad.Stderr, StringComparison.Ordinal);
        var usb = await d.CreateDirectBootVmAsync("pt", "--hostusb", "logitech");
        Assert.NotEqual(0, usb.ExitCode);
        Assert.Contains("Invalid host USB device 'logitech'", usb.Stderr, StringComparison.Ordinal);
        Assert.Empty(Json.Parse(await d.CarveAsync("list", "-o", "json")).EnumerateArray());
    }

    private static string? DriverOf(string address) =>
        new FileInfo($"/sys/bus/pci/devices/{address}/driver").LinkTarget is { } link ? Path.GetFileName(link) : null;
}
