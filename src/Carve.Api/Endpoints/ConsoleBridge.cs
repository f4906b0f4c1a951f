using System.Net.WebSockets;

namespace Carve.Api.Endpoints;

/// <summary>Copies bytes between a WebSocket and a console stream until either side ends.</summary>
internal static class ConsoleBridge
{
    public static async Task PumpAsync(WebSocket socket, Stream console, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var toGuest = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!done.IsCancellationRequested)
            {
                var message = await socket.ReceiveAsync(buffer, done.Token);
                if (message.MessageType == WebSocketMessageType.Close)
                    break;
                await console.WriteAsync(buffer.AsMemory(0, message.Count), done.Token);
                await console.FlushAsync(done.Token);
            }
        }, done.Token);
        var fromGuest = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            int n;
            while ((n = await console.ReadAsync(buffer, done.Token)) > 0)
                await socket.SendAsync(buffer.AsMemory(0, n), WebSocketMessageType.Binary, true, done.Token);
        }, done.Token);

        try
        {
            await Task.WhenAny(toGuest, fromGuest);
        }
        finally
        {
            await done.CancelAsync();
            if (socket.State == WebSocketState.Open)
            {
                try
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "console closed", CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // The peer has gone already.
                }
            }
            await Task.WhenAll(toGuest, fromGuest).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
