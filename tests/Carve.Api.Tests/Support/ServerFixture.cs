namespace Carve.Api.Tests.Support;

/// <summary>One daemon per test class (xunit class fixture), on dirs of its own.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private CarveServer? _server;

    public CarveServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await CarveServer.StartOnNewDirsAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
