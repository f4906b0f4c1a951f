using Carve.Cli.Infrastructure;
using Carve.Cli.Output;
using Carve.Contracts.Transfer;

namespace Carve.Cli.Commands;

/// <summary>
/// The second half of `vm export` and `ct export`: downloads the files of a finished export through the API to
/// PATH here, so PATH is local even when carved is remote, then removes the export from carved unless kept.
/// </summary>
internal static class ExportDownload
{
    /// <summary>Checks -o before the export starts: the file must not exist and its directory must.</summary>
    public static void CheckTarget(string target)
    {
        if (File.Exists(target))
            throw new UsageException($"{target} already exists; remove it or choose another path with -o.");
        if (!Directory.Exists(Path.GetDirectoryName(target)))
            throw new UsageException($"The directory of {target} does not exist.");
    }

    public static async Task<int> FetchAsync(CliContext context, string id, string target, bool keep, CancellationToken ct)
    {
        var export = await context.Client.GetExportAsync(id, ct);
        foreach (var exported in export.Files)
        {
            var local = LocalPath(target, export, exported.Name);
            if (!await DownloadAsync(context, id, exported, local, ct))
                return ExitCodes.Failure;
            if (!context.Json)
                await context.Out.WriteLineAsync($"Wrote {local} ({Units.Bytes(exported.SizeBytes)}).");
        }
        if (!keep)
            await context.Client.DeleteExportAsync(id, ct);
        return ExitCodes.Success;
    }

    /// <summary>One file goes to PATH; with several, each gets its disk's name: web.qcow2 → web-disk0.qcow2, web-disk1.qcow2.</summary>
    private static string LocalPath(string target, ExportView export, string file)
    {
        if (export.Files.Count == 1)
            return target;
        var disk = Path.GetFileNameWithoutExtension(file)[(export.Vm.Length + 1)..];
        return Path.Combine(Path.GetDirectoryName(target)!, $"{Path.GetFileNameWithoutExtension(target)}-{disk}{Path.GetExtension(target)}");
    }

    /// <summary>Downloads into PATH.part and renames it when whole, so PATH never holds half a disk.</summary>
    private static async Task<bool> DownloadAsync(CliContext context, string id, ExportFileView file, string local, CancellationToken ct)
    {
        var partial = local + ".part";
        var shown = -1L;
        void Progress(long bytes)
        {
            var percent = file.SizeBytes == 0 ? 100 : bytes * 100 / file.SizeBytes;
            if (Console.IsErrorRedirected || percent == shown)
                return;
            shown = percent;
            context.Error.Write($"\rDownloading {Path.GetFileName(local)}: {percent}%");
        }

        try
        {
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await context.Client.DownloadExportFileAsync(id, file.Name, output, Progress, ct);
            File.Move(partial, local);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (shown >= 0)
                await context.Error.WriteLineAsync();
            shown = -1;
            await context.Error.WriteLineAsync($"error: Cannot write {local}: {e.Message}");
            return false;
        }
        finally
        {
            File.Delete(partial);
            if (shown >= 0)
                await context.Error.WriteLineAsync();
        }
    }
}
