using Carve.Contracts.Guests;
using Carve.Contracts.Host;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /host.</summary>
    public Task<HostInfo> GetHostAsync(CancellationToken ct) => GetJsonAsync<HostInfo>("host", ct);

    /// <summary>GET /guests: VMs and containers alike.</summary>
    public Task<IReadOnlyList<GuestSummary>> ListGuestsAsync(CancellationToken ct) =>
        GetJsonAsync<IReadOnlyList<GuestSummary>>("guests", ct);
}
