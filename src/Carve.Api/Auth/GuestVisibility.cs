using Carve.Core.Auth;
using Carve.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>Lists of guests (or of things about guests) cut down to what a limited caller may see.</summary>
public static class GuestVisibility
{
    public static IReadOnlyList<T> Visible<T>(this HttpContext http, IReadOnlyList<T> items, Func<T, string?> guestName)
    {
        var caller = http.Caller();
        return caller.Guests is null ? items : [.. items.Where(i => guestName(i) is { } name && caller.MayUse(name))];
    }

    /// <summary>For a caller limited to some guests, which guest names it may see; null when it may see every guest.</summary>
    public static Func<string, bool>? GuestFilter(this HttpContext http)
    {
        var caller = http.Caller();
        return caller.Guests is null ? null : caller.MayUse;
    }

    /// <summary>
    /// A guest named in a query (not the route), checked as a route's guest is: one outside a limited caller's grant,
    /// even one that does not exist, is a 403, so that the answer tells nothing of the other guests.
    /// </summary>
    public static void RequireMayUse(this HttpContext http, string reference)
    {
        var caller = http.Caller();
        if (caller.Guests is not null && !GuestGrantRequirement.MayUse(http, caller, reference))
            throw new ForbiddenException(MayNotUse(caller, reference));
    }

    internal static string MayNotUse(Principal caller, string reference) =>
        $"{caller.User} may not use the guest '{Core.Validation.Names.Printable(reference)}'.";

    /// <summary>The item, if a limited caller may see its guest (a thing of no guest is the host's: not theirs); else 403.</summary>
    public static T RequireVisible<T>(this HttpContext http, T item, string? guestName)
    {
        var caller = http.Caller();
        return caller.Guests is null || (guestName is not null && caller.MayUse(guestName))
            ? item
            : throw new ForbiddenException($"{caller.User} may not see what belongs to {(guestName is null ? "the host" : $"the guest '{guestName}'")}.");
    }
}
