using System.Globalization;
using Carve.Cli.Output;
using Carve.Contracts.Containers;

namespace Carve.Cli.Commands;

/// <summary>The text form of `ct show`: sections of aligned fields and tables.</summary>
internal static class CtShowRenderer
{
    public static void Render(TextWriter output, CtView container)
    {
        var config = container.Config;
        new FieldList()
            .Add("Name", container.Name)
            .Add("ID", $"{container.Id}")
            .Add("Status", container.Template ? container.Status + " (template)" : container.Status)
            .Add("Lock", container.Lock ?? "none")
            .Add("Created", Units.Time(container.CreatedAt))
            .AddIfSet("Description", config.Description)
            .AddIfSet("Boot", BootText.Describe(config.Boot))
            .Write(output);

        output.WriteLine();
        output.WriteLine("Config:");
        new FieldList()
            .Add("CPUs", $"{config.Cpus}")
            .Add("Memory", Units.MiB(config.MemoryMiB))
            .Add("Hostname", config.Hostname)
            .Add("Privileged", config.Privileged ? "yes" : "no")
            .Add("Template", config.Template)
            .Write(output, "  ");

        output.WriteLine();
        output.WriteLine("Mounts:");
        var mounts = new TextTable("HOST", "GUEST", "MODE");
        foreach (var mount in config.Mounts)
            mounts.Add(mount.Host, mount.Guest, mount.ReadOnly ? "ro" : "rw");
        mounts.Write(output, "  ", "(none)");
        NicTable.Write(output, config.Nics);

        output.WriteLine();
        output.WriteLine("Runtime:");
        RuntimeFields(container).Write(output, "  ");
    }

    private static FieldList RuntimeFields(CtView container)
    {
        var fields = new FieldList().Add("Status", container.Status);
        if (container.Runtime is not { } runtime)
            return fields;
        return fields
            .Add("Init PID", runtime.InitPid?.ToString(CultureInfo.InvariantCulture))
            .Add("Uptime", Units.Seconds(runtime.UptimeSeconds))
            .Add("CPU time", Units.CpuTime(runtime.CpuSeconds))
            .Add("Memory", Memory(runtime))
            .Add("OOM kills", runtime.OomKills?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>"used / limit", as the container's memory cgroup reports them.</summary>
    private static string? Memory(CtRuntimeView runtime) =>
        runtime is { MemoryBytes: null, MemoryLimitBytes: null } ? null : $"{Units.Bytes(runtime.MemoryBytes)} / {Units.Bytes(runtime.MemoryLimitBytes)}";
}
