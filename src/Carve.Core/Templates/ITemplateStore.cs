using Carve.Contracts.Containers;
using Carve.Core.Tasks;

namespace Carve.Core.Templates;

/// <summary>Container templates: rootfs images that new containers are copied from.</summary>
public interface ITemplateStore
{
    IReadOnlyList<TemplateView> List();

    /// <summary>Builds a template from a distribution's mirror (debootstrap), as a long task with progress.</summary>
    Task BuildAsync(BuildTemplateRequest request, ITaskContext task, CancellationToken ct);

    /// <summary>At the daemon's start: removes what an interrupted build left, and restores a template an interrupted replace moved aside.</summary>
    Task RecoverAsync(CancellationToken ct);
}
