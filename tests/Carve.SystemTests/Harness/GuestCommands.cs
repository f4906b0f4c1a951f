namespace Carve.SystemTests.Harness;

/// <summary>Shorthands for the CLI calls most tests make.</summary>
public static class GuestCommands
{
    public static Task<CommandResult> CreateDirectBootVmAsync(this DaemonProcess d, string name, params string[] extra) =>
        d.CarveAsync(["vm", "create", name, "--memory", "256", "--kernel", TestGuest.Kernel, "--initrd", TestGuest.Initrd,
            "--cmdline", "console=ttyS0", .. extra]);

    public static async Task<System.Text.Json.JsonElement> ShowAsync(this DaemonProcess d, string name) =>
        Json.Parse(await d.CarveAsync("vm", "show", name, "-o", "json"));

    public static async Task<System.Text.Json.JsonElement> ShowCtAsync(this DaemonProcess d, string name) =>
        Json.Parse(await d.CarveAsync("ct", "show", name, "-o", "json"));

    public static async Task<int> QemuPidAsync(this DaemonProcess d, string name)
    {
        var vm = await d.ShowAsync(name);
        return vm.GetProperty("runtime").GetProperty("pid").GetInt32();
    }
}
