using System.Text.RegularExpressions;

namespace Carve.SystemTests.Harness;

/// <summary>Boots the test guest with its data disk once and reads the boot counter it prints.</summary>
public static partial class BootCounter
{
    [GeneratedRegex(@"CARVE-BOOT-COUNT=(\d+)")]
    private static partial Regex CountPattern();

    /// <summary>Starts the VM, waits for this boot's counter, stops the VM and returns the counter.</summary>
    public static async Task<int> BootAsync(DaemonProcess d, string vm)
    {
        var before = (await d.CarveAsync("vm", "console", vm, "--log")).Stdout.Length;
        (await d.CarveAsync("vm", "start", vm)).EnsureSuccess();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        while (DateTime.UtcNow < deadline)
        {
            var log = (await d.CarveAsync("vm", "console", vm, "--log")).Stdout;
            var fresh = log.Length >= before ? log[before..] : log;
            if (fresh.Contains("CARVE-READY", StringComparison.Ordinal) && CountPattern().Match(fresh) is { Success: true } m)
            {
                (await d.CarveAsync("vm", "stop", vm)).EnsureSuccess();
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"{vm} printed no boot counter. Daemon log:\n{d.Log}");
    }
}
