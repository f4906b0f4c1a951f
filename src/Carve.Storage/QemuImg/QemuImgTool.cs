using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Host.Processes;

namespace Carve.Storage.QemuImg;

/// <summary>qemu-img, the tool made for image formats: every disk conversion goes through it.</summary>
public sealed partial class QemuImgTool(IProcessRunner runner, string binary = "qemu-img")
{
    [GeneratedRegex(@"\((\d+(?:\.\d+)?)/100%\)")]
    private static partial Regex ProgressPattern();

    public async Task<ImageInfo> InfoAsync(string path, CancellationToken ct)
    {
        // -U: the image may belong to a running VM. A timeout: the image may be hostile.
        var result = await RunAsync(["info", "--output=json", "-U", path], TimeSpan.FromSeconds(60), null, ct);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        return new ImageInfo(
            path,
            root.GetProperty("format").GetString() ?? "raw",
            root.GetProperty("virtual-size").GetInt64(),
            root.TryGetProperty("actual-size", out var actual) ? actual.GetInt64() : null,
            root.TryGetProperty("backing-filename", out var backing) ? backing.GetString() : null);
    }

    public Task CreateAsync(string path, string format, long sizeBytes, CancellationToken ct) =>
        RunAsync(["create", "-q", "-f", format, path, sizeBytes.ToString(CultureInfo.InvariantCulture)], null, null, ct);

    /// <summary>Converts with the source format named, never probed, and zeros left as holes.</summary>
    public Task ConvertAsync(string source, string sourceFormat, string target, string targetFormat, IProgress<int>? progress, CancellationToken ct) =>
        RunAsync(["convert", "-p", "-f", sourceFormat, "-O", targetFormat, source, target], null, progress, ct);

    /// <summary>
    /// qemu-img info of an image to import, in its named format. An image that names another file (backing file,
    /// external data file) is refused: qemu would read that file too, wherever it is.
    /// </summary>
    public async Task<ImageInfo> InfoAsync(ImageSource source, CancellationToken ct)
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

    /// <summary>Converts from a named-format source (maybe a byte range) to a new file; extra creation options with -o.</summary>
    public Task ConvertAsync(ImageSource source, string target, string targetFormat, string? targetOptions, IProgress<int>? progress, CancellationToken ct) =>
        RunAsync(
            ["convert", "-p", .. SourceArgs(source), "-O", targetFormat, .. targetOptions is null ? [] : new[] { "-o", targetOptions }, target],
            null, progress, ct);

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

    public Task ResizeAsync(string path, string format, long sizeBytes, CancellationToken ct) =>
        RunAsync(["resize", "-q", "-f", format, path, sizeBytes.ToString(CultureInfo.InvariantCulture)], null, null, ct);

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> args, TimeSpan? timeout, IProgress<int>? progress, CancellationToken ct)
    {
        var spec = new ProcessSpec(binary, args)
        {
            Timeout = timeout,
            OnStdout = progress is null ? null : chunk => ReportProgress(chunk, progress),
        };
        var result = await runner.RunAsync(spec, ct);
        if (!result.Succeeded)
            throw new OperationFailedException(result.TimedOut
                ? $"qemu-img {args[0]} did not finish in time."
                : $"qemu-img {args[0]} failed: {result.LastErrorLine}");
        return result;
    }

    private static void ReportProgress(string chunk, IProgress<int> progress)
    {
        foreach (Match m in ProgressPattern().Matches(chunk))
            progress.Report((int)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
