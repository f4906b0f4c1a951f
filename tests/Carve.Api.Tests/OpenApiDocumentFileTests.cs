using Carve.Api.Tests.Support;
using Carve.OpenApiDump;

namespace Carve.Api.Tests;

/// <summary>
/// The web UI's TypeScript types are generated from web/openapi.json, so that file must be the document the daemon
/// serves: a changed endpoint or record fails here (and in ./build.sh) until the file is regenerated.
/// </summary>
public sealed class OpenApiDocumentFileTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Web_openapi_json_is_the_served_document()
    {
        var served = await OpenApiText.FetchAsync(fixture.Server.Dirs.Socket);
        var file = Path.Combine(RepositoryRoot(), "web", "openapi.json");
        var checkedIn = File.Exists(file) ? await File.ReadAllTextAsync(file) : "";
        Assert.True(served == checkedIn,
            $"{file} is not the OpenAPI document the daemon serves; regenerate it with {OpenApiText.RegenerateHint}");
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
