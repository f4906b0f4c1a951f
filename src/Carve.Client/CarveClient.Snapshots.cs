using Carve.Contracts.Snapshots;
using Carve.Contracts.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /guests/{ref}/snapshots.</summary>
    public Task<IReadOnlyList<SnapshotView>> ListSnapshotsAsync(string guestRef, CancellationToken ct) =>
        GetJsonAsync<IReadOnlyList<SnapshotView>>(SnapshotsPath(guestRef), ct);

    /// <summary>POST /guests/{ref}/snapshots.</summary>
    public Task<TaskAccepted> CreateSnapshotAsync(string guestRef, CreateSnapshotRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateSnapshotRequest, TaskAccepted>(HttpMethod.Post, SnapshotsPath(guestRef), request, ct);

    /// <summary>POST /guests/{ref}/snapshots/{name}/rollback.</summary>
    public Task<TaskAccepted> RollbackSnapshotAsync(string guestRef, string snapshot, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Post, $"{SnapshotsPath(guestRef)}/{Segment(snapshot)}/rollback", ct);

    /// <summary>DELETE /guests/{ref}/snapshots/{name}.</summary>
    public Task<TaskAccepted> DeleteSnapshotAsync(string guestRef, string snapshot, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Delete, $"{SnapshotsPath(guestRef)}/{Segment(snapshot)}", ct);

    /// <summary>POST /guests/{ref}/clone.</summary>
    public Task<TaskAccepted> CloneGuestAsync(string guestRef, CloneRequest request, CancellationToken ct) =>
        SendJsonAsync<CloneRequest, TaskAccepted>(HttpMethod.Post, $"guests/{Segment(guestRef)}/clone", request, ct);

    /// <summary>POST /{vms|cts}/{ref}/template.</summary>
    public Task<TaskAccepted> MakeTemplateAsync(GuestKind kind, string guestRef, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Post, GuestPath(kind, guestRef) + "/template", ct);

    private static string SnapshotsPath(string guestRef) => $"guests/{Segment(guestRef)}/snapshots";
}
