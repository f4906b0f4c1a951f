using Carve.Contracts.Tasks;
using Carve.Contracts.Vms;
using Carve.Contracts.Guests;

namespace Carve.Client;

public sealed partial class CarveClient
{
    /// <summary>GET /vms.</summary>
    public Task<IReadOnlyList<VmView>> ListVmsAsync(CancellationToken ct) => GetJsonAsync<IReadOnlyList<VmView>>("vms", ct);

    /// <summary>GET /vms/{ref}, where ref is the name or the numeric id.</summary>
    public Task<VmView> GetVmAsync(string vmRef, CancellationToken ct) => GetJsonAsync<VmView>(GuestPath(GuestKind.Vm, vmRef), ct);

    /// <summary>POST /vms.</summary>
    public Task<TaskAccepted> CreateVmAsync(CreateVmRequest request, CancellationToken ct) =>
        SendJsonAsync<CreateVmRequest, TaskAccepted>(HttpMethod.Post, "vms", request, ct);

    /// <summary>PATCH /vms/{ref}.</summary>
    public Task<TaskAccepted> SetVmAsync(string vmRef, SetVmRequest request, CancellationToken ct) =>
        SendJsonAsync<SetVmRequest, TaskAccepted>(HttpMethod.Patch, GuestPath(GuestKind.Vm, vmRef), request, ct);

    /// <summary>DELETE /vms/{ref}?force=.</summary>
    public Task<TaskAccepted> DeleteVmAsync(string vmRef, bool force, CancellationToken ct) => DeleteGuestAsync(GuestKind.Vm, vmRef, force, ct);

    /// <summary>POST /vms/{ref}/start.</summary>
    public Task<TaskAccepted> StartVmAsync(string vmRef, CancellationToken ct) => StartGuestAsync(GuestKind.Vm, vmRef, ct);

    /// <summary>POST /vms/{ref}/stop: a hard stop.</summary>
    public Task<TaskAccepted> StopVmAsync(string vmRef, CancellationToken ct) => StopGuestAsync(GuestKind.Vm, vmRef, ct);

    /// <summary>POST /vms/{ref}/shutdown?timeout=: an ACPI shutdown; the daemon picks the timeout when null.</summary>
    public Task<TaskAccepted> ShutdownVmAsync(string vmRef, int? timeoutSeconds, CancellationToken ct) =>
        ShutdownGuestAsync(GuestKind.Vm, vmRef, timeoutSeconds, ct);

    /// <summary>POST /vms/{ref}/reboot.</summary>
    public Task<TaskAccepted> RebootVmAsync(string vmRef, CancellationToken ct) => RebootGuestAsync(GuestKind.Vm, vmRef, ct);
}
