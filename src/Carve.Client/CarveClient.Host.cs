using Carve.Contracts.Guests;
using Carve.Contracts.Host;
using Carve.Contracts.Tasks;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /host.</summary>
    public Task<HostInfo> GetHostAsync(CancellationToken ct) => GetJsonAsync<HostInfo>("host", ct);

    /// <summary>GET /host/certificate.</summary>
    public Task<CertificateView> GetCertificateAsync(CancellationToken ct) => GetJsonAsync<CertificateView>("host/certificate", ct);

    /// <summary>PUT /host/certificate: served from the next TLS connection on.</summary>
    public Task<CertificateView> SetCertificateAsync(SetCertificateRequest request, CancellationToken ct) =>
        SendJsonAsync<SetCertificateRequest, CertificateView>(HttpMethod.Put, "host/certificate", request, ct);

    /// <summary>DELETE /host/certificate: back to a new self-signed certificate.</summary>
    public async Task<CertificateView> ResetCertificateAsync(CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, "host/certificate", null, ct);
        return await ReadJsonAsync<CertificateView>(response, ct);
    }

    /// <summary>POST /host/start-guests: the onboot guests, in order, as at a host boot.</summary>
    public Task<TaskAccepted> StartOnBootGuestsAsync(CancellationToken ct) => SendEmptyAsync<TaskAccepted>(HttpMethod.Post, "host/start-guests", ct);

    /// <summary>POST /host/stop-guests: every running guest, in reverse order, as at a host shutdown.</summary>
    public Task<TaskAccepted> StopAllGuestsAsync(CancellationToken ct) => SendEmptyAsync<TaskAccepted>(HttpMethod.Post, "host/stop-guests", ct);

    /// <summary>GET /guests: VMs and containers alike.</summary>
    public Task<IReadOnlyList<GuestSummary>> ListGuestsAsync(CancellationToken ct) =>
        GetJsonAsync<IReadOnlyList<GuestSummary>>("guests", ct);
}
