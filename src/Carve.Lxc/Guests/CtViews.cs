using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Lxc.Guests;

/// <summary>A stored container and its live state, as the API shows it.</summary>
public sealed class CtViews(LxcDefinition definition) : IGuestViews<CtView>
{
    public GuestKind Kind => GuestKind.Ct;

    public Task<CtView> DetailAsync(GuestRecord guest, GuestRuntime runtime, CancellationToken ct) => Task.FromResult(View(guest, runtime));

    public CtView View(GuestRecord guest, GuestRuntime runtime)
    {
        var config = guest.Config;
        var spec = CtSpec.Of(config);
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
                Cpus = config.Cpus, MemoryMiB = config.MemoryMiB, Hostname = spec.Hostname, Privileged = spec.Privileged,
                Template = spec.Template, Description = config.Description, Boot = config.Boot ?? new(),
                Mounts = spec.Mounts.Select(m => new MountView(m.HostPath, m.GuestPath, m.ReadOnly)).ToList(),
                Nics = NicViews.From(guest.Id, definition, config.Nics),
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
