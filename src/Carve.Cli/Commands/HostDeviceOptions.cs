using System.CommandLine;

namespace Carve.Cli.Commands;

/// <summary>The --hostpci and --hostusb options shared by vm create and vm set.</summary>
internal static class HostDeviceOptions
{
    public static Option<string[]> Pci(string extra) => new("--hostpci")
    {
        Description = $"Pass a host PCI device through: ADDR[,rombar=on|off][,primary-gpu]; repeatable{extra}",
        HelpName = "ADDR",
    };

    public static Option<string[]> Usb(string extra) => new("--hostusb")
    {
        Description = $"Pass a host USB device through: VENDOR:PRODUCT or BUS-PORT; repeatable{extra}",
        HelpName = "DEVICE",
    };
}
