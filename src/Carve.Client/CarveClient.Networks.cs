using Carve.Contracts.Networks;
using Carve.Contracts.Tasks;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /networks.</summary>
    public Task<IReadOnlyList<NetworkView>> ListNetworksAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<NetworkView>>("networks", ct);

    /// <summary>POST /networks.</summary>
    public Task<TaskAccepted> CreateNetworkAsync(CreateNetworkRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateNetworkRequest, TaskAccepted>(HttpMethod.Post, "networks", request, ct);

    /// <summary>DELETE /networks/{name}: refused while a guest has a NIC on it.</summary>
    public Task<TaskAccepted> DeleteNetworkAsync(string name, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Delete, "networks/" + Segment(name), ct);
}
