using Carve.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Carve.Api.Web;

/// <summary>Serves the built web UI (web/ after `npm run build`) from the web root, when one is there.</summary>
public static class WebUiExtensions
{
    // Everything the page loads comes from this server; consoles connect back to it over wss.
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseCarveWebUi(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<CarveOptions>().EffectiveWebRoot;
        if (!File.Exists(Path.Combine(root, "index.html")))
            return app;
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }
            return next(context);
        });
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Vite names assets by content hash, so they never change; index.html must always be fetched fresh.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
                c.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        return app;
    }
}
