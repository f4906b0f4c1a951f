using Carve.Contracts.Containers;
using Carve.Core.Drivers;
using Carve.Core.Guests;

namespace Carve.Core.Containers;

/// <summary>A stored container and its live state, as the API shows it.</summary>
public static class CtViews
{
    public static CtView From(GuestRecord guest, GuestRuntime runtime)
    {
        var config = CtConfig.FromJson(guest.ConfigJson);
        return new CtView
        {
            Id = guest.Id,
            Name = guest.Name,
            Status = runtime.Status,
            Template = guest.Template,
            Lock = guest.Lock,
            CreatedAt = guest.CreatedAt,
            Config = new CtConfigView
            {
                Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Hostname = config.Hostname, Privileged = config.Privileged,
                Template = config.Template, Description = config.Description,
                Mounts = config.Mounts.Select(m => new MountView(m.HostPath, m.GuestPath, m.ReadOnly)).ToList(),
                Nics = Networks.NicViews.From(guest.Id, CtService.Kind, config.Nics),
            },
            Runtime = runtime.IsRunning
                ? new CtRuntimeView
                {
                    InitPid = runtime.Pid, UptimeSeconds = runtime.UptimeSeconds, CpuSeconds = runtime.CpuSeconds,
                    MemoryBytes = runtime.MemoryRssBytes, MemoryLimitBytes = runtime.MemoryLimitBytes, OomKills = runtime.OomKills,
                }
                : null,
        };
    }
}
