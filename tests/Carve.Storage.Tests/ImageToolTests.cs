using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Storage.Tests.Support;

namespace Carve.Storage.Tests;

/// <summary>The image tool against the real qemu-img, on files in a temporary directory.</summary>
public sealed class ImageToolTests : IDisposable
{
    private const long MiB = 1 << 20;
    private readonly TempDir _dir = new();
    private readonly PoolHost _host = new();

    private IImageTool Images => _host.Images;

    [Fact]
    public async Task CreatesInspectsAndGrowsAQcow2()
    {
        var path = _dir.File("disk.qcow2");
        await Images.CreateAsync(path, 64 * MiB, CancellationToken.None);
        var info = await Images.InspectAsync(path, CancellationToken.None);
        Assert.Equal(("qcow2", 64 * MiB, (string?)null), (info.Format, info.VirtualSizeBytes, info.BackingFile));
        Assert.True(info.AllocatedBytes < MiB, "a new image is sparse");

        await Images.ResizeAsync(path, 128 * MiB, CancellationToken.None);
        Assert.Equal(128 * MiB, (await Images.InspectAsync(path, CancellationToken.None)).VirtualSizeBytes);
    }

    [Fact]
    public async Task ConvertsARawFileIntoASparseQcow2WithProgress()
    {
        var raw = Tools.RawDisk(_dir.File("disk.raw"), 32 * MiB, 0x5a);
        var target = _dir.File("disk.qcow2");
        var progress = new RecordingProgress();

        await Images.ConvertAsync(new ImageSource(raw, "raw"), target, progress, CancellationToken.None);

        var info = await Tools.InfoAsync(target);
        Assert.Equal("qcow2", info.GetProperty("format").GetString());
        Assert.Equal(32 * MiB, info.GetProperty("virtual-size").GetInt64());
        Assert.True(info.GetProperty("actual-size").GetInt64() < 4 * MiB, "the zeros were written out: the volume is not sparse");
        await Tools.AssertSameContentAsync(raw, "raw", target, "qcow2");
        Assert.Equal(100, progress.Reports.Max());
    }

    [Fact]
    public async Task ConvertsAByteRangeOfAFileInPlace()
    {
        // A package holding two disks back to back after a header, as an OVA (tar) holds its VMDKs.
        var first = Tools.RawDisk(_dir.File("first.raw"), 2 * MiB, 0x11);
        var second = _dir.File("second.qcow2");
        await Images.ConvertAsync(new ImageSource(Tools.RawDisk(_dir.File("second.raw"), 4 * MiB, 0x22), "raw"), second, new RecordingProgress(), CancellationToken.None);
        var package = _dir.File("package");
        var secondLength = new FileInfo(second).Length;
        await using (var output = File.Create(package))
        {
            output.Write(new byte[512]);
            await using (var input = File.OpenRead(first))
                await input.CopyToAsync(output);
            await using (var input = File.OpenRead(second))
                await input.CopyToAsync(output);
            output.Write(Enumerable.Repeat((byte)0xff, 4096).ToArray());
        }

        var fromFirst = _dir.File("from-first.qcow2");
        var source = new ImageSource(package, "raw", 512, 2 * MiB);
        Assert.Equal(2 * MiB, (await Images.InspectSourceAsync(source, CancellationToken.None)).VirtualSizeBytes);
        await Images.ConvertAsync(source, fromFirst, new RecordingProgress(), CancellationToken.None);
        await Tools.AssertSameContentAsync(first, "raw", fromFirst, "qcow2");

        var fromSecond = _dir.File("from-second.qcow2");
        await Images.ConvertAsync(new ImageSource(package, "qcow2", 512 + (2 * MiB), secondLength), fromSecond, new RecordingProgress(), CancellationToken.None);
        await Tools.AssertSameContentAsync(second, "qcow2", fromSecond, "qcow2");
    }

    [Fact]
    public async Task RefusesToImportAnImageWithABackingFile()
    {
        var secret = _dir.File("secret.qcow2");
        await Images.CreateAsync(secret, MiB, CancellationToken.None);
        var overlay = _dir.File("overlay.qcow2");
        await Images.CreateOverlayAsync(overlay, secret, CancellationToken.None);

        var error = await Assert.ThrowsAsync<BadRequestException>(() => Images.InspectSourceAsync(new ImageSource(overlay, "qcow2"), CancellationToken.None));
        Assert.Equal($"The image {overlay} (qcow2) depends on a backing file ({secret}); import a standalone image.", error.Message);
    }

    [Fact]
    public async Task RefusesToImportAnImageThatKeepsItsDataInAnotherFile()
    {
        var image = _dir.File("split.qcow2");
        var data = _dir.File("split.data");
        await Tools.RunAsync("qemu-img", "create", "-q", "-f", "qcow2", "-o", "data_file=" + data, image, "1M");

        var error = await Assert.ThrowsAsync<BadRequestException>(() => Images.InspectSourceAsync(new ImageSource(image, "qcow2"), CancellationToken.None));
        Assert.Equal($"The image {image} (qcow2) keeps its data in another file ({data}); import a standalone image.", error.Message);
    }

    [Theory]
    [InlineData("vmdk-stream", "vmdk", "streamOptimized")]
    [InlineData("vmdk", "vmdk", "monolithicSparse")]
    [InlineData("vhdx", "vhdx", null)]
    [InlineData("qcow2", "qcow2", null)]
    [InlineData("raw", "raw", null)]
    public async Task ExportsInEachFormat(string format, string qemuFormat, string? subformat)
    {
        var raw = Tools.RawDisk(_dir.File("disk.raw"), 16 * MiB, 0x7e);
        var volume = _dir.File("disk.qcow2");
        await Images.ConvertAsync(new ImageSource(raw, "raw"), volume, new RecordingProgress(), CancellationToken.None);
        var target = _dir.File("out." + format);
        var progress = new RecordingProgress();

        await Images.ExportAsync(volume, target, format, progress, CancellationToken.None);

        var info = await Tools.InfoAsync(target);
        Assert.Equal(qemuFormat, info.GetProperty("format").GetString());
        if (subformat is not null)
            Assert.Equal(subformat, info.GetProperty("format-specific").GetProperty("data").GetProperty("create-type").GetString());
        await Tools.AssertSameContentAsync(raw, "raw", target, qemuFormat);
        Assert.Equal(100, progress.Reports.Max());
    }

    [Fact]
    public async Task ExportRefusesAnExistingFileAndAnUnknownFormat()
    {
        var volume = _dir.File("disk.qcow2");
        await Images.CreateAsync(volume, MiB, CancellationToken.None);
        var taken = _dir.File("taken.raw");
        await File.WriteAllTextAsync(taken, "mine");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => Images.ExportAsync(volume, taken, "raw", new RecordingProgress(), CancellationToken.None));
        Assert.Equal($"The file {taken} already exists; refusing to overwrite it.", conflict.Message);
        Assert.Equal("mine", await File.ReadAllTextAsync(taken));
        var unknown = await Assert.ThrowsAsync<BadRequestException>(() => Images.ExportAsync(volume, _dir.File("x.vdi"), "vdi", new RecordingProgress(), CancellationToken.None));
        Assert.Equal("Unknown export format 'vdi'.", unknown.Message);
    }

    public void Dispose()
    {
        _host.Dispose();
        _dir.Dispose();
    }
}
