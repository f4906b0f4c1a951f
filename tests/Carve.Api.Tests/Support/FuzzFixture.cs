using System.Net;
using Carve.Core.Configuration;

namespace Carve.Api.Tests.Support;

/// <summary>
/// One daemon for the fuzz tests, with a stopped VM (one small disk) and a finished export of it: the values of path parameters
/// that exist, so that bad bodies, queries and file names reach validation instead of a 404.
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    public const string Guest = "fuzzed";

    private CarveServer? _server;

    public CarveServer Server => _server ?? throw new InvalidOperationException("The server has not started.");
    public IReadOnlyDictionary<string, string> Existing { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        // Failed logins are part of the fuzz: no growing delays, and no lock-out that would hide what a login answers.
        _server = await CarveServer.StartOnNewDirsAsync(login: new LoginOptions { SlowAfter = int.MaxValue, LockAfter = int.MaxValue });
        await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = Guest, disks = new[] { new { size = "16M" } }, nics = Array.Empty<object>() }));
        using var response = await Server.Socket.PostAsync($"/api/v1/vms/{Guest}/export", null);
        await Rest.ExpectStatus(response, HttpStatusCode.Accepted);
        var export = (string)(await Rest.ReadJson(response))["taskId"]!;
        await Rest.ExpectSucceeded(Server.Socket, export);
        var file = (string)(await Rest.GetArray(Server.Socket, "/api/v1/exports")).Single()!["files"]![0]!["name"]!;
        // An export's id is its task's, so "id" names both a task and an export.
        Existing = new Dictionary<string, string> { ["ref"] = Guest, ["id"] = export, ["file"] = file };
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
