using System.Text.RegularExpressions;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Core.Errors;
using Carve.Core.Guests;
using Carve.Core.Networks;
using Carve.Core.Storage;
using Carve.Core.Templates;
using Carve.Core.Validation;
using Carve.Lxc.Driver;

namespace Carve.Lxc.Guests;

/// <summary>Checks a container request at the edge and plans the container: its root file system comes from a template.</summary>
public sealed partial class CtFactory(
    PathGuard paths, ITemplateStore templates, StoragePools pools, NicPlanner nicPlanner, LxcProvisioner provisioner) : IGuestFactory<CreateCtRequest>
{
    [GeneratedRegex("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\\z")]
    private static partial Regex HostnamePattern();

    public Task<GuestDraft> DraftAsync(CreateCtRequest request, CancellationToken ct)
    {
        var pool = pools.Get(request.Pool).Name;
        var nics = nicPlanner.Plan(request.Nics ?? [], GuestKind.Ct, null);
        Names.Guest(request.Name);
        GuestLimits.Cpus(request.Cpus);
        GuestLimits.Memory(request.MemoryMiB);
        GuestLimits.Description(request.Description);
        var hostname = request.Hostname ?? request.Name;
        if (hostname.Length > 253 || !HostnamePattern().IsMatch(hostname))
            throw new BadRequestException($"Invalid hostname '{Names.Printable(hostname)}'.");
        var spec = new CtSpec
        {
            Hostname = hostname,
            Privileged = request.Privileged,
            Template = Template(request.Template),
            Pool = pool,
            RootfsVolume = "",
            Mounts = request.Mounts.Select((m, i) => Mount(NotNull(m, $"mount {i}"))).ToList(),
        };
        var common = new GuestConfig { Cpus = request.Cpus, MemoryMiB = request.MemoryMiB, Nics = nics, Description = request.Description };
        return Task.FromResult(new GuestDraft
        {
            Kind = GuestKind.Ct,
            Name = request.Name,
            Id = request.Id,
            TaskType = "ct-create",
            ConfigFor = id => common.WithSpec(spec with { RootfsVolume = LxcDefinition.RootfsVolume(id) }),
            BuildAsync = async (guest, task, ct) =>
            {
                await provisioner.CreateAsync(guest, task, ct);
                task.Log($"Created {guest.Describe()} from template {spec.Template}.");
            },
            Start = request.Start,
        });
    }

    private string Template(string template)
    {
        Names.RejectControlCharacters("template", template);
        if (template.Contains('/'))
        {
            var path = paths.ConfineExistingFile("template tarball", template);
            if (!(path.EndsWith(".tar.gz", StringComparison.Ordinal) || path.EndsWith(".tgz", StringComparison.Ordinal)
                || path.EndsWith(".tar.xz", StringComparison.Ordinal) || path.EndsWith(".tar.zst", StringComparison.Ordinal)))
                throw new BadRequestException($"The template {template} is not a .tar.gz, .tar.xz or .tar.zst rootfs tarball.");
            return path;
        }
        var known = templates.List().FirstOrDefault(t => t.Name == template)
            ?? throw new BadRequestException($"There is no template '{Names.Printable(template)}'; see `carve template list`.");
        if (!known.Ready)
            throw new ConflictException($"The template '{template}' is not built yet: run `carve template build {template}` first.");
        return template;
    }

    private static T NotNull<T>(T? item, string what) where T : class =>
        item ?? throw new BadRequestException($"The {what} is null.");

    private static CtMount Mount(MountRequest mount)
    {
        foreach (var (what, path) in new[] { ("host", mount.Host), ("container", mount.Guest) })
        {
            Names.RejectControlCharacters($"mount {what} path", path);
            if (!path.StartsWith('/') || path.Split('/').Contains(".."))
                throw new BadRequestException($"The mount {what} path '{Names.Printable(path)}' must be absolute, without '..'.");
        }
        if (!Directory.Exists(mount.Host) && !File.Exists(mount.Host))
            throw new BadRequestException($"The mount source {Names.Printable(mount.Host)} does not exist on the host.");
        return new CtMount(mount.Host, mount.Guest, mount.ReadOnly);
    }
}
