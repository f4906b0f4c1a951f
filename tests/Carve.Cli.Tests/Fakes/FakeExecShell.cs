using System.Net.WebSockets;
using System.Text;
using Carve.Contracts.Containers;

namespace Carve.Cli.Tests.Fakes;

/// <summary>carved's side of exec sessions, for <see cref="FakeUpgradeServer"/>.</summary>
internal static class FakeExecShell
{
    /// <summary>carved running `sh -c 'read x; echo got-$x; exit 3'`: reads stdin to its end, answers, exits 3, closes.</summary>
    public static async Task ReadLineThenExit3Async(WebSocket socket)
    {
        var buffer = new byte[4096];
        var start = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Text, start.MessageType);
        var input = new StringBuilder();
        while (true)
        {
            var frame = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (frame.Count <= 1)
                break;
            input.Append(Encoding.UTF8.GetString(buffer, 1, frame.Count - 1));
        }
        await socket.SendAsync((byte[])[ExecChannels.Stdout, .. Encoding.UTF8.GetBytes($"got-{input.ToString().Trim()}\n")], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync((byte[])[ExecChannels.Exit, .. "3"u8], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "exited", CancellationToken.None);
    }

    /// <summary>A command that reads nothing: after the start message it exits 7 at once, whatever stdin still holds.</summary>
    public static async Task ExitAt7Async(WebSocket socket)
    {
        await socket.ReceiveAsync(new byte[4096], CancellationToken.None);
        await socket.SendAsync((byte[])[ExecChannels.Stderr, .. "bye\n"u8], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.SendAsync((byte[])[ExecChannels.Exit, .. "7"u8], WebSocketMessageType.Binary, true, CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "exited", CancellationToken.None);
    }
}
