using Carve.Core.Configuration;

namespace Carve.Api.Tests.Support;

/// <summary>One daemon for the fuzz tests, with a stopped VM for the guest routes to find.</summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    private CarveServer? _server;

    public CarveServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync()
    {
        // Failed logins are part of the fuzz: no growing delays, and no lock-out that would hide what a login answers.
        _server = await CarveServer.StartOnNewDirsAsync(login: new LoginOptions { SlowAfter = int.MaxValue, LockAfter = int.MaxValue });
        await Rest.ExpectSucceeded(Server.Socket, await Rest.CreateVm(Server.Socket, new { name = FuzzCases.ExistingGuest, nics = Array.Empty<object>() }));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
