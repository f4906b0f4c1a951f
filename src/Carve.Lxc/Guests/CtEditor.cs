using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Core.Guests;
using Carve.Core.Validation;

namespace Carve.Lxc.Guests;

/// <summary>A container's changes are the settings every guest has: CPU and memory limits, the description and NICs.</summary>
public sealed class CtEditor(GuestStore guests) : IGuestEditor<SetCtRequest>
{
    public Task<GuestEdit> PlanAsync(string reference, SetCtRequest request, CancellationToken ct)
    {
        GuestLimits.Check(request.Cpus, request.MemoryMiB, request.Description);
        BootPolicies.Check(request.Boot);
        return Task.FromResult(new GuestEdit
        {
            Guest = guests.ResolveKind(reference, GuestKind.Ct),
            Cpus = request.Cpus,
            MemoryMiB = request.MemoryMiB,
            Description = request.Description,
            Nics = request.Nics,
            Boot = request.Boot,
            NothingToChange = "Nothing to change: give cpus, memory, a description, NICs or a boot policy.",
        });
    }
}
