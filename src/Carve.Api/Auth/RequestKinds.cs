using Microsoft.AspNetCore.Http;

namespace Carve.Api.Auth;

internal static class RequestKinds
{
    /// <summary>Anything but GET, HEAD and OPTIONS may change state.</summary>
    public static bool ChangesState(this HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
}
