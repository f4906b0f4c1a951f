using Carve.Client.Http;
using Carve.Contracts.Tasks;
using Carve.Contracts.Transfer;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>POST /vms/import: the file is a path on carved's host.</summary>
    public Task<TaskAccepted> ImportVmAsync(ImportVmRequest request, CancellationToken ct) =>
        SendJsonAsync<ImportVmRequest, TaskAccepted>(HttpMethod.Post, "vms/import", request, ct);

    /// <summary>POST /vms/{ref}/export: when the task succeeds, its id names the export.</summary>
    public Task<TaskAccepted> ExportVmAsync(string vmRef, ExportRequest request, CancellationToken ct) =>
        SendJsonAsync<ExportRequest, TaskAccepted>(HttpMethod.Post, GuestPath(GuestKind.Vm, vmRef) + "/export", request, ct);

    /// <summary>POST /cts/import: the file is a path on carved's host.</summary>
    public Task<TaskAccepted> ImportCtAsync(ImportCtRequest request, CancellationToken ct) =>
        SendJsonAsync<ImportCtRequest, TaskAccepted>(HttpMethod.Post, "cts/import", request, ct);

    /// <summary>POST /cts/{ref}/export: when the task succeeds, its id names the export (one file, NAME.tar.zst).</summary>
    public Task<TaskAccepted> ExportCtAsync(string ctRef, CancellationToken ct) =>
        SendJsonAsync<ExportRequest, TaskAccepted>(HttpMethod.Post, GuestPath(GuestKind.Ct, ctRef) + "/export", new ExportRequest(), ct);

    /// <summary>GET /exports.</summary>
    public Task<IReadOnlyList<ExportView>> ListExportsAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<ExportView>>("exports", ct);

    /// <summary>GET /exports/{id}.</summary>
    public Task<ExportView> GetExportAsync(string id, CancellationToken ct) => GetJsonAsync<ExportView>("exports/" + Segment(id), ct);

    /// <summary>GET /exports/{id}/{file}, streamed into <paramref name="destination"/>; <paramref name="received"/> is told the bytes so far.</summary>
    public async Task DownloadExportFileAsync(string id, string file, Stream destination, Action<long>? received, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, $"exports/{Segment(id)}/{Segment(file)}", null, ct, HttpCompletionOption.ResponseHeadersRead);
        var buffer = new byte[1 << 20];
        var total = 0L;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        int n;
        while ((n = await ReadAsync(body, buffer, ct)) > 0)
        {
            // A failure to write is the caller's own disk, not the connection: it is not wrapped.
            await destination.WriteAsync(buffer.AsMemory(0, n), ct);
            total += n;
            received?.Invoke(total);
        }
        if (response.Content.Headers.ContentLength is { } expected && expected != total)
            throw ConnectionErrors.Describe(Connection, new IOException($"the download of {file} ended after {total} of {expected} bytes"));
    }

    private async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        try
        {
            return await body.ReadAsync(buffer, ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw ConnectionErrors.Describe(Connection, e);
        }
    }

    /// <summary>DELETE /exports/{id}.</summary>
    public async Task DeleteExportAsync(string id, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Delete, "exports/" + Segment(id), null, ct);
    }
}
