using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Host;

namespace Carve.Cli.Commands;

/// <summary>carve host check | host pci | host usb.</summary>
internal static class HostHardwareCommands
{
    public static IEnumerable<Command> Create(GlobalOptions options)
    {
        yield return Listing(options, "check", "Hardware and readiness report: a verdict and a fix for each finding.",
            (client, ct) => client.GetHostCheckAsync(ct), RenderCheck);
        yield return Listing(options, "pci", "PCI devices with their IOMMU groups and whether each can be passed through.",
            (client, ct) => client.ListPciAsync(ct), RenderPci);
        yield return Listing(options, "usb", "USB devices, by port and by vendor:product id, as --hostusb takes them.",
            (client, ct) => client.ListUsbAsync(ct), RenderUsb);
    }

    private static Command Listing<T>(GlobalOptions options, string name, string description,
        Func<Client.CarveClient, CancellationToken, Task<T>> fetch, Action<TextWriter, T> render)
    {
        var command = new Command(name, description);
        CliAction.Set(command, options, async (context, ct) =>
        {
            var value = await fetch(context.Client, ct);
            if (context.Json)
                JsonOutput.Write(context.Out, value);
            else
                render(context.Out, value);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void RenderCheck(TextWriter output, HostCheckReport report)
    {
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"[{finding.Verdict.ToUpperInvariant(),-4}] {finding.Check}: {finding.Detail}");
            if (finding.Fix is not null)
                output.WriteLine($"       fix: {finding.Fix}");
        }
        output.WriteLine();
        output.WriteLine($"Overall: {report.Verdict}");
    }

    private static void RenderPci(TextWriter output, IReadOnlyList<PciDeviceView> devices)
    {
        foreach (var group in devices.GroupBy(d => d.IommuGroup).OrderBy(g => g.Key ?? -1))
        {
            output.WriteLine(group.Key is { } n ? $"IOMMU group {n}:" : "No IOMMU group (the IOMMU is off):");
            foreach (var d in group)
            {
                output.WriteLine($"  {d.Address}  {d.Class}: {d.Vendor} {d.Device} [{d.Id}]  driver {d.Driver ?? "-"}");
                var verdict = d.Passthrough ? "passthrough: yes" : "passthrough: no";
                output.WriteLine($"      {verdict}. {d.Reason}" + (d.AssignedTo is null ? "" : $" (assigned to {d.AssignedTo})"));
            }
        }
        if (devices.Count == 0)
            output.WriteLine("(no PCI devices)");
    }

    private static void RenderUsb(TextWriter output, IReadOnlyList<UsbDeviceView> devices)
    {
        var table = new TextTable("PORT", "ID", "VENDOR", "PRODUCT", "SPEED");
        foreach (var d in devices)
            table.Add(d.Port, d.Id, d.Vendor, d.RootHub ? $"{d.Product} (root hub)" : d.Product, d.Speed is null ? null : d.Speed + " Mbit/s");
        table.Write(output, "", "(no USB devices)");
    }
}
