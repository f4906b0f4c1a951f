using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Carve.Api.Web;

/// <summary>
/// Browsers open WebSockets over HTTP/2 on HTTPS (RFC 8441): the request is an extended CONNECT, not a GET. The
/// console routes are GETs (as over HTTP/1.1), so such a request is routed, authorized and documented as the GET it
/// stands for. Must run after UseWebSockets and before routing.
/// </summary>
public static class Http2WebSocketMethod
{
    public static IApplicationBuilder UseHttp2WebSocketsAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsConnect(context.Request.Method) && context.WebSockets.IsWebSocketRequest)
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
}
