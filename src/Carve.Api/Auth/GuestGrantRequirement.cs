using Carve.Core.Auth;
using Carve.Core.Guests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Carve.Api.Auth;

/// <summary>
/// A user limited to some guests may reach a guest's routes only for those guests (by name or id), and may change
/// nothing that is not one of its guests: creating guests, networks or templates acts on the whole host. Lists are
/// filtered where they are answered (<see cref="GuestVisibility"/>); a console ticket checks its guest itself.
/// </summary>
public sealed class GuestGrantRequirement : CarveRequirement
{
    protected override string? Refusal(HttpContext http, Principal caller)
    {
        if (caller.Guests is null)
            return null;
        if (http.Request.RouteValues.TryGetValue("ref", out var value) && value is string reference)
            return MayUse(http, caller, reference) ? null : GuestVisibility.MayNotUse(caller, reference);
        if (!http.Request.ChangesState() || http.GetEndpoint()?.Metadata.GetMetadata<ChecksGuestGrant>() is not null)
            return null;
        return $"{caller.User} is limited to some guests and cannot change anything else.";
    }

    /// <summary>An unknown guest is refused like another's, so that a limited user learns nothing of the rest.</summary>
    internal static bool MayUse(HttpContext http, Principal caller, string reference)
    {
        var guests = http.RequestServices.GetRequiredService<GuestStore>();
        var guest = int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? guests.Find(id)
            : guests.FindByName(reference);
        return guest is not null ? caller.MayUse(guest.Name) : caller.MayUse(reference);
    }
}
