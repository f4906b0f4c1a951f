namespace Carve.Cli.Tests.Fakes;

/// <summary>Fails every request the way SocketsHttpHandler does when it cannot connect.</summary>
internal sealed class ThrowingHandler(Exception inner) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(inner.Message, inner));
}
