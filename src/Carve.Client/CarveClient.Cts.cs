using Carve.Contracts.Containers;
using Carve.Contracts.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /cts.</summary>
    public Task<IReadOnlyList<CtView>> ListCtsAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<CtView>>("cts", ct);

    /// <summary>GET /cts/{ref}, where ref is the name or the numeric id.</summary>
    public Task<CtView> GetCtAsync(string ctRef, CancellationToken ct) => GetJsonAsync<CtView>(GuestPath(GuestKind.Ct, ctRef), ct);

    /// <summary>POST /cts.</summary>
    public Task<TaskAccepted> CreateCtAsync(CreateCtRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateCtRequest, TaskAccepted>(HttpMethod.Post, "cts", request, ct);

    /// <summary>PATCH /cts/{ref}: CPU and memory limits change live when the container runs.</summary>
    public Task<TaskAccepted> SetCtAsync(string ctRef, SetCtRequest request, CancellationToken ct) =>
        SendJsonAsync<SetCtRequest, TaskAccepted>(HttpMethod.Patch, GuestPath(GuestKind.Ct, ctRef), request, ct);

    /// <summary>DELETE /cts/{ref}?force=.</summary>
    public Task<TaskAccepted> DeleteCtAsync(string ctRef, bool force, CancellationToken ct) => DeleteGuestAsync(GuestKind.Ct, ctRef, force, ct);

    /// <summary>POST /cts/{ref}/start.</summary>
    public Task<TaskAccepted> StartCtAsync(string ctRef, CancellationToken ct) => StartGuestAsync(GuestKind.Ct, ctRef, ct);

    /// <summary>POST /cts/{ref}/stop: kills the container at once.</summary>
    public Task<TaskAccepted> StopCtAsync(string ctRef, CancellationToken ct) => StopGuestAsync(GuestKind.Ct, ctRef, ct);

    /// <summary>POST /cts/{ref}/shutdown?timeout=: asks the container's init to stop; the daemon picks the timeout when null.</summary>
    public Task<TaskAccepted> ShutdownCtAsync(string ctRef, int? timeoutSeconds, CancellationToken ct) =>
        ShutdownGuestAsync(GuestKind.Ct, ctRef, timeoutSeconds, ct);

    /// <summary>POST /cts/{ref}/reboot.</summary>
    public Task<TaskAccepted> RebootCtAsync(string ctRef, CancellationToken ct) => RebootGuestAsync(GuestKind.Ct, ctRef, ct);
}
