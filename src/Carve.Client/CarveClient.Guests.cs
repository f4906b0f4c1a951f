using System.Globalization;
using Carve.Contracts.Tasks;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>POST /{vms|cts}/{ref}/start.</summary>
    public Task<TaskAccepted> StartGuestAsync(GuestKind kind, string guestRef, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Post, GuestPath(kind, guestRef) + "/start", ct);

    /// <summary>POST /{vms|cts}/{ref}/stop: a hard stop.</summary>
    public Task<TaskAccepted> StopGuestAsync(GuestKind kind, string guestRef, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Post, GuestPath(kind, guestRef) + "/stop", ct);

    /// <summary>POST /{vms|cts}/{ref}/shutdown?timeout=: a clean shutdown; the daemon picks the timeout when null.</summary>
    public Task<TaskAccepted> ShutdownGuestAsync(GuestKind kind, string guestRef, int? timeoutSeconds, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(
            HttpMethod.Post,
            GuestPath(kind, guestRef) + "/shutdown" + (timeoutSeconds is { } t ? "?timeout=" + t.ToString(CultureInfo.InvariantCulture) : ""),
            ct);

    /// <summary>POST /{vms|cts}/{ref}/reboot.</summary>
    public Task<TaskAccepted> RebootGuestAsync(GuestKind kind, string guestRef, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Post, GuestPath(kind, guestRef) + "/reboot", ct);

    /// <summary>DELETE /{vms|cts}/{ref}?force=.</summary>
    public Task<TaskAccepted> DeleteGuestAsync(GuestKind kind, string guestRef, bool force, CancellationToken ct) =>
        SendEmptyAsync<TaskAccepted>(HttpMethod.Delete, $"{GuestPath(kind, guestRef)}?force={(force ? "true" : "false")}", ct);

    /// <summary>The guest's resource path, where ref is its name or numeric id.</summary>
    private static string GuestPath(GuestKind kind, string guestRef) => kind.Route + "/" + Segment(guestRef);
}
