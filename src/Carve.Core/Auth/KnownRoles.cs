using Carve.Contracts.Auth;
using Carve.Core.Errors;

namespace Carve.Core.Auth;

public static class KnownRoles
{
    /// <summary>The role, or a 400 naming the three there are.</summary>
    public static string Require(string? role) =>
        role is not null && Roles.IsKnown(role)
            ? role
            : throw new BadRequestException($"Unknown role '{Validation.Names.Printable(role)}': use admin, operator or viewer.");
}
