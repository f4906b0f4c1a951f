using Carve.Host.Processes;

namespace Carve.Api.Tests.Support;

/// <summary>Makes small images with the real qemu-img, as a user would put them in an image directory.</summary>
public static class QemuImg
{
    public static async Task Create(string path, string size, string format = "qcow2", string? backing = null)
    {
        List<string> args = ["create", "-q", "-f", format];
        if (backing is not null)
            args.AddRange(["-b", backing, "-F", format]);
        args.AddRange([path, size]);
        var result = await new ProcessRunner().RunAsync(new ProcessSpec("qemu-img", args) { Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);
        Assert.True(result.Succeeded, $"qemu-img create failed: {result.Stderr}");
    }
}
