using System.Globalization;
using System.Text.Json;
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
