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

    /// <summary>The item, if a limited caller may see its guest (a thing of no guest is the host's: not theirs); else 403.</summary>
    public static T RequireVisible<T>(this HttpContext http, T item, string? guestName)
    {
        var caller = http.Caller();
        return caller.Guests is null || (guestName is not null && caller.MayUse(guestName))
            ? item
            : throw new ForbiddenException($"{caller.User} may not see what belongs to {(guestName is null ? "the host" : $"the guest '{guestName}'")}.");
    }
}
