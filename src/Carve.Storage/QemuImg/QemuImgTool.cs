using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Carve.Core.Errors;
using Carve.Core.Storage;
using Carve.Host.Processes;

namespace Carve.Storage.QemuImg;

/// <summary>qemu-img, the tool made for image formats: every image Carve makes, converts or snapshots goes through it.</summary>
public sealed partial class QemuImgTool(IProcessRunner runner, string binary = "qemu-img") : IImageTool
{
    [GeneratedRegex(@"\((\d+(?:\.\d+)?)/100%\)")]
    private static partial Regex ProgressPattern();

    public async Task<ImageInfo> InspectAsync(string path, CancellationToken ct)
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

    public Task CreateAsync(string path, long sizeBytes, CancellationToken ct) =>
        RunAsync(["create", "-q", "-f", "qcow2", path, Bytes(sizeBytes)], null, null, ct);

    public Task ResizeAsync(string path, long newSizeBytes, CancellationToken ct) =>
        RunAsync(["resize", "-q", "-f", "qcow2", path, Bytes(newSizeBytes)], null, null, ct);

    private static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);

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
