using System.Text.Json;
using Carve.Host.Processes;

namespace Carve.Storage.Tests.Support;

/// <summary>The real tools the checks use: qemu-img and qemu-io to look into images, btrfs to look at subvolumes.</summary>
internal static class Tools
{
    public static async Task<ProcessResult> TryAsync(string program, params string[] args) =>
        await new ProcessRunner().RunAsync(new ProcessSpec(program, args) { Timeout = TimeSpan.FromMinutes(2) }, CancellationToken.None);

    public static async Task<string> RunAsync(string program, params string[] args)
    {
        var result = await TryAsync(program, args);
        Assert.True(result.Succeeded, $"{program} {string.Join(' ', args)} failed: {result.Stderr}{result.Stdout}");
        return result.Stdout;
    }

    /// <summary>qemu-img info as JSON, format probed: what anyone looking at the file would see.</summary>
    public static async Task<JsonElement> InfoAsync(string path)
    {
        using var doc = JsonDocument.Parse(await RunAsync("qemu-img", "info", "--output=json", "-U", path));
        return doc.RootElement.Clone();
    }

    /// <summary>Writes <paramref name="pattern"/> over [offset, offset + length) as the guest would see it.</summary>
    public static Task WriteAsync(string path, string format, byte pattern, long offset, int length) =>
        RunAsync("qemu-io", "-f", format, "-c", $"write -P 0x{pattern:x2} {offset} {length}", path);

    /// <summary>True when every byte of [offset, offset + length) reads as <paramref name="pattern"/> (through any backing file).</summary>
    public static async Task<bool> ReadsAsync(string path, string format, byte pattern, long offset, int length) =>
        (await TryAsync("qemu-io", "-f", format, "-r", "-U", "-c", $"read -P 0x{pattern:x2} {offset} {length}", path)).Succeeded;

    public static async Task AssertReadsAsync(string path, string format, byte pattern, long offset = 0, int length = 65536) =>
        Assert.True(await ReadsAsync(path, format, pattern, offset, length), $"{path} does not read 0x{pattern:x2} at {offset}+{length}");

    /// <summary>qemu-img compare: the two images hold the same guest-visible bytes.</summary>
    public static async Task AssertSameContentAsync(string a, string aFormat, string b, string bFormat) =>
        Assert.Contains("Images are identical", await RunAsync("qemu-img", "compare", "-f", aFormat, "-F", bFormat, a, b));

    /// <summary>A raw disk of <paramref name="size"/> bytes, zero but for a run of <paramref name="pattern"/> at 1 MiB.</summary>
    public static string RawDisk(string path, long size, byte pattern)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.SetLength(size);
        file.Position = 1 << 20;
        file.Write(Enumerable.Repeat(pattern, 65536).ToArray());
        return path;
    }
}
