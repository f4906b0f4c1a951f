using Carve.Core.Auth;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

/// <summary>The authenticated caller of a request, set by <see cref="AuthenticationMiddleware"/>.</summary>
public static class CallerPrincipal
{
    private const string Key = "carve.principal";

    public static Principal Caller(this HttpContext context) =>
        context.Items[Key] as Principal ?? throw new InvalidOperationException("The request was not authenticated.");

    internal static void SetCaller(this HttpContext context, Principal principal) => context.Items[Key] = principal;
}
