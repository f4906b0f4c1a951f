using System.Net;

namespace Carve.Api.Tests.Support;

/// <summary>
/// Shared by the bad-input classes, which share one daemon: every refused request must leave nothing
/// behind (no VM listed, no file in the pool). No test of theirs may leave a VM.
/// </summary>
public abstract class BadInputTestBase(ServerFixture fixture)
{
    protected CarveServer Server => fixture.Server;

    /// <summary>"{images}" in a body stands for the daemon's allowed image root.</summary>
    protected string Expand(string body) => body.Replace("{images}", Server.Dirs.Images, StringComparison.Ordinal);

    /// <summary>Posts a create request that must be refused; returns the problem's detail.</summary>
    protected async Task<string> PostRefused(string json, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var response = await Server.Socket.PostAsync("/api/v1/vms", Rest.RawJson(Expand(json)));
        var detail = await Rest.ExpectProblem(response, status);
        await ExpectNothingLeft();
        return detail;
    }

    protected async Task ExpectNothingLeft()
    {
        Assert.Empty(await Rest.VmNames(Server.Socket));
        Assert.Empty(await Rest.GetArray(Server.Socket, "/api/v1/guests"));
        Assert.Empty(Server.Dirs.PoolEntries());
    }
}
