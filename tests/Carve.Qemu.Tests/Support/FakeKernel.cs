namespace Carve.Qemu.Tests.Support;

/// <summary>
/// The smallest file QEMU accepts as a Linux bzImage for -kernel: a boot-protocol 2.12 header
/// and nothing to run. Enough for argv tests that start QEMU paused (-S).
/// </summary>
internal static class FakeKernel
{
    public static byte[] Create()
    {
        var image = new byte[16384];
        image[0x1f1] = 4;                                    // setup_sects
        image[0x1fe] = 0x55;                                 // boot_flag
        image[0x1ff] = 0xaa;
        "HdrS"u8.CopyTo(image.AsSpan(0x202));                // header magic
        BitConverter.GetBytes((ushort)0x020c).CopyTo(image, 0x206); // protocol version
        image[0x211] = 0x01;                                 // loadflags: LOADED_HIGH
        BitConverter.GetBytes(0x37ffffffu).CopyTo(image, 0x22c);    // initrd_addr_max
        BitConverter.GetBytes(2048u).CopyTo(image, 0x238);          // cmdline_size
        return image;
    }
}
