using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Host;

namespace Carve.Cli.Commands;

/// <summary>carve host info.</summary>
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
        output.WriteLine();
        output.WriteLine("Storage pools:");
        var pools = new TextTable("NAME", "TYPE", "PATH", "SIZE", "AVAILABLE", "DEFAULT");
        foreach (var pool in host.Pools)
            pools.Add(pool.Name, pool.Type, pool.Path, Units.Bytes(pool.TotalBytes), Units.Bytes(pool.AvailableBytes), pool.Default ? "yes" : "");
        pools.Write(output, "  ", "(none)");
    }

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
