using Carve.Contracts.Containers;
using Carve.Contracts.Tasks;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /templates: container templates, built or buildable.</summary>
    public Task<IReadOnlyList<TemplateView>> ListTemplatesAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<TemplateView>>("templates", ct);

    /// <summary>POST /templates/build: a long task (debootstrap) that reports progress.</summary>
    public Task<TaskAccepted> BuildTemplateAsync(BuildTemplateRequest request, CancellationToken ct) =>
        SendJsonAsync<BuildTemplateRequest, TaskAccepted>(HttpMethod.Post, "templates/build", request, ct);
}
