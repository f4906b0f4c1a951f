using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Host;

namespace Carve.Cli.Commands;

/// <summary>carve host info; check, pci and usb live in <see cref="HostHardwareCommands"/>, cert in <see cref="HostCertificateCommands"/>.</summary>
internal static class HostCommands
{
    public static Command Create(GlobalOptions options)
    {
        var host = new Command("host", "The machine carved runs on.");
        var info = new Command("info", "CPU, memory, QEMU, KVM and storage pools.");
        CliAction.Set(info, options, async (context, ct) =>
        {
            var hostInfo = await context.Client.GetHostAsync(ct);
            if (context.Json)
                JsonOutput.Write(context.Out, hostInfo);
            else
                Render(context.Out, hostInfo);
            return ExitCodes.Success;
        });
        host.Subcommands.Add(info);
        foreach (var hardware in HostHardwareCommands.Create(options))
            host.Subcommands.Add(hardware);
        host.Subcommands.Add(HostCertificateCommands.Create(options));
        foreach (var power in HostPowerCommands.Create(options))
            host.Subcommands.Add(power);
        return host;
    }

    private static void Render(TextWriter output, HostInfo host)
    {
        new FieldList()
            .Add("Hostname", host.Hostname)
            .Add("Carve", host.CarveVersion)
            .Add("Kernel", host.Kernel)
            .Add("CPU", $"{host.CpuModel} ({host.CpuCount} threads)")
            .Add("Memory", $"{Units.Bytes(host.MemoryTotalBytes)} total, {Units.Bytes(host.MemoryAvailableBytes)} available")
            .Add("QEMU", host.QemuVersion ?? "not found")
            .Add("KVM", Kvm(host.Kvm))
            .Add("Auto accel", host.Kvm.AutoAccel ?? "(probing)")
            .Write(output);
        if (host.Resources is { } r)
        {
            output.WriteLine();
            output.WriteLine("Resources:");
            new FieldList()
                .Add("Reserved", $"{Units.Bytes(r.ReservedMemoryBytes)} memory, CPUs {CpuList(r.ReservedCpus)}")
                .Add("Guests run on", $"CPUs {CpuList(r.GuestCpus)}")
                .Add("Guest memory", $"{Units.Bytes(r.GuestMemoryLimitBytes)} (overcommit {r.Overcommit:0.##})")
                .Add("Committed", $"{Units.Bytes(r.CommittedMemoryBytes)} memory, {r.CommittedCpus} vCPU(s) in {r.RunningGuests} running guest(s)")
                .Add("Free", Units.Bytes(r.FreeMemoryBytes))
                .Write(output, "  ");
        }
        output.WriteLine();
        output.WriteLine("Storage pools:");
        var pools = new TextTable("NAME", "TYPE", "PATH", "SIZE", "AVAILABLE", "DEFAULT");
        foreach (var pool in host.Pools)
            pools.Add(pool.Name, pool.Type, pool.Path, Units.Bytes(pool.TotalBytes), Units.Bytes(pool.AvailableBytes), pool.Default ? "yes" : "");
        pools.Write(output, "  ", "(none)");
    }

    private static string CpuList(IReadOnlyList<int> cpus) => cpus.Count == 0 ? "none" : string.Join(",", cpus);

    private static string Kvm(KvmInfo kvm)
    {
        var state = kvm.Usable switch
        {
            true => "usable",
            false => kvm.DevicePresent ? "not usable" : "not available",
            null => "probing",
        };
        return $"{state}: {kvm.Detail}";
    }
}
