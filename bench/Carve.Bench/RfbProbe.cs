using System.Buffers.Binary;

namespace Carve.Bench;

/// <summary>
/// Just enough of an RFB (VNC) client to time full-screen updates: handshake with no authentication, raw encoding,
/// then one non-incremental FramebufferUpdateRequest per call, read until every pixel of the screen has arrived.
/// </summary>
internal sealed class RfbProbe(Stream stream)
{
    private int _width, _height, _bytesPerPixel;

    public async Task HandshakeAsync()
    {
        var version = await ReadAsync(12);
        await stream.WriteAsync(version);
        var types = await ReadAsync((await ReadAsync(1))[0]);
        if (!types.Contains((byte)1))
            throw new InvalidOperationException("the VNC server wants authentication");
        await stream.WriteAsync(new byte[] { 1 });
        if (BinaryPrimitives.ReadUInt32BigEndian(await ReadAsync(4)) != 0)
            throw new InvalidOperationException("VNC security handshake failed");
        await stream.WriteAsync(new byte[] { 1 }); // shared
        var init = await ReadAsync(24);
        (_width, _height, _bytesPerPixel) = (BinaryPrimitives.ReadUInt16BigEndian(init), BinaryPrimitives.ReadUInt16BigEndian(init.AsSpan(2)), init[4] / 8);
        await ReadAsync((int)BinaryPrimitives.ReadUInt32BigEndian(init.AsSpan(20)));
        await stream.WriteAsync(new byte[] { 2, 0, 0, 1, 0, 0, 0, 0 }); // SetEncodings: raw only
    }

    /// <summary>Asks for the whole screen and reads it; returns the bytes of pixel data.</summary>
    public async Task<long> FullFrameAsync()
    {
        var request = new byte[10];
        request[0] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(6), (ushort)_width);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), (ushort)_height);
        await stream.WriteAsync(request);
        long pixels = 0, bytes = 0;
        while (pixels < (long)_width * _height)
        {
            var header = await ReadAsync(4);
            if (header[0] != 0)
                throw new InvalidOperationException($"unexpected RFB message {header[0]}");
            for (var rects = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)); rects > 0; rects--)
            {
                var rect = await ReadAsync(12);
                long w = BinaryPrimitives.ReadUInt16BigEndian(rect.AsSpan(4)), h = BinaryPrimitives.ReadUInt16BigEndian(rect.AsSpan(6));
                var data = w * h * _bytesPerPixel;
                await ReadAsync((int)data);
                (pixels, bytes) = (pixels + (w * h), bytes + data);
            }
        }
        return bytes;
    }

    private async Task<byte[]> ReadAsync(int n)
    {
        var buffer = new byte[n];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
