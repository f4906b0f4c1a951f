using Carve.Api.OpenApi;
using Carve.Api.Tests.Support;
using Carve.OpenApiDump;

namespace Carve.Api.Tests;

/// <summary>
/// carved serves web/openapi.json as compiled in, and the web UI's TypeScript types are generated from it, so that file
/// must be what the OpenAPI generator makes of the endpoints: a changed endpoint or record fails here (and in
/// ./build.sh) until the file is regenerated.
/// </summary>
public sealed class OpenApiDocumentFileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Web_openapi_json_is_the_generated_document()
    {
        var generated = await OpenApiText.FetchAsync(fixture.Server.Dirs.Socket, OpenApiDocumentEndpoint.GeneratedPath);
        var checkedIn = await CheckedInAsync();
        Assert.True(generated == checkedIn,
            $"web/openapi.json is not the OpenAPI document the daemon's code generates; regenerate it with {OpenApiText.RegenerateHint}");
    }

    [Fact]
    public async Task The_served_document_is_web_openapi_json()
    {
        var served = await OpenApiText.FetchAsync(fixture.Server.Dirs.Socket, OpenApiDocumentEndpoint.ServedPath);
        Assert.Equal(await CheckedInAsync(), served);
    }

    private static async Task<string> CheckedInAsync()
    {
        var file = Path.Combine(RepositoryRoot(), "web", "openapi.json");
        return File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Carve.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Carve.slnx above {AppContext.BaseDirectory}.");
    }
}
