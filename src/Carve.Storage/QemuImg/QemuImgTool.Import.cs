using System.Text.Json;
using System.Text.Json.Nodes;
using Carve.Core.Errors;
using Carve.Core.Storage;

namespace Carve.Storage.QemuImg;

/// <summary>Reading images Carve did not make: always in a named format (never probed), maybe a byte range of a file.</summary>
public sealed partial class QemuImgTool
{
    /// <summary>
    /// qemu-img info of an image to import, in its named format. An image that names another file (backing file,
    /// external data file) is refused: qemu would read that file too, wherever it is.
    /// </summary>
    public async Task<ImageInfo> InspectSourceAsync(ImageSource source, CancellationToken ct)
    {
        var result = await RunAsync(["info", "--output=json", "-U", .. SourceArgs(source)], TimeSpan.FromSeconds(60), null, ct);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        if (root.TryGetProperty("backing-filename", out var backing))
            throw new BadRequestException($"The image {source} depends on a backing file ({backing.GetString()}); import a standalone image.");
        if (root.TryGetProperty("format-specific", out var specific) && specific.TryGetProperty("data", out var data)
            && data.TryGetProperty("data-file", out var dataFile))
            throw new BadRequestException($"The image {source} keeps its data in another file ({dataFile.GetString()}); import a standalone image.");
        return new ImageInfo(
            source.Path,
            root.GetProperty("format").GetString() ?? source.Format,
            root.GetProperty("virtual-size").GetInt64(),
            root.TryGetProperty("actual-size", out var actual) ? actual.GetInt64() : null,
            null);
    }

    /// <summary>Converts with the source format named, never probed, and zeros left as holes.</summary>
    public Task ConvertAsync(ImageSource source, string targetPath, IProgress<int> progress, CancellationToken ct) =>
        RunAsync(["convert", "-p", .. SourceArgs(source), "-O", "qcow2", targetPath], null, progress, ct);

    /// <summary>
    /// A whole file is "-f FORMAT PATH". A byte range is a json: spec, the raw driver's offset and size over the
    /// file, so a disk inside an OVA is read in place without a temporary copy.
    /// </summary>
    public static IReadOnlyList<string> SourceArgs(ImageSource source)
    {
        if (!source.IsRange)
            return ["-f", source.Format, source.Path];
        var range = new JsonObject
        {
            ["driver"] = "raw",
            ["offset"] = source.Offset,
            ["file"] = new JsonObject { ["driver"] = "file", ["filename"] = source.Path },
        };
        if (source.Length is { } length)
            range["size"] = length;
        var spec = new JsonObject { ["driver"] = source.Format, ["file"] = range };
        return ["json:" + spec.ToJsonString()];
    }
}
