using System.Text.Json;
using System.Text.RegularExpressions;
using Carve.Contracts.Transfer;
using Carve.Core.Configuration;
using Carve.Core.Errors;
using Carve.Core.Validation;
using Carve.Core.State;

namespace Carve.Core.Exports;

/// <summary>
/// Finished exports under {DataDir}/exports/{taskId}/, each with the files the API serves for download. An export
/// is written in {taskId}.part/ and renamed when complete, so a listed export is always whole.
/// </summary>
public sealed partial class ExportStore(CarveOptions options)
{
    private const string MetaFile = "export.json";
    private const string PartSuffix = ".part";

    [GeneratedRegex("^t[0-9a-f]{15}\\z")]
    private static partial Regex IdPattern();

    public string Root => Path.Combine(options.DataDir, "exports");

    /// <summary>Makes the working directory of a new export and returns it.</summary>
    public string Begin(string id, string vm, string format)
    {
        var dir = Path.Combine(Root, CheckId(id) + PartSuffix);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, MetaFile), JsonSerializer.Serialize(new ExportView { Id = id, Vm = vm, Format = format, CreatedAt = DateTimeOffset.UtcNow }, CoreJsonContext.Default.ExportView));
        return dir;
    }

    public void Complete(string id) => Directory.Move(Path.Combine(Root, id + PartSuffix), Path.Combine(Root, id));

    /// <summary>Removes an export whole or half made; a missing one is fine.</summary>
    public void Discard(string id)
    {
        foreach (var dir in new[] { Path.Combine(Root, CheckId(id) + PartSuffix), Path.Combine(Root, id) })
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
    }

    /// <summary>Half-made exports of tasks no longer running (the daemon died during them).</summary>
    public void DiscardAbandoned(Func<string, bool> isRunning)
    {
        if (!Directory.Exists(Root))
            return;
        foreach (var dir in Directory.EnumerateDirectories(Root, "*" + PartSuffix))
        {
            var id = Path.GetFileName(dir)[..^PartSuffix.Length];
            if (IdPattern().IsMatch(id) && !isRunning(id))
                Directory.Delete(dir, recursive: true);
        }
    }

    public IReadOnlyList<ExportView> List() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>()
                .Where(n => IdPattern().IsMatch(n) && File.Exists(Path.Combine(Root, n, MetaFile)))
                .Select(Read).OrderBy(e => e.CreatedAt).ToList()
            : [];

    public ExportView Get(string id) =>
        File.Exists(Path.Combine(Root, CheckId(id), MetaFile)) ? Read(id) : throw new NotFoundException($"There is no finished export '{id}'.");

    /// <summary>The path of one file of a finished export, for download.</summary>
    public string FilePath(string id, string file)
    {
        var export = Get(id);
        return export.Files.Any(f => f.Name == file)
            ? Path.Combine(Root, id, file)
            : throw new NotFoundException($"Export {id} has no file '{Names.Printable(file)}'; it has {string.Join(", ", export.Files.Select(f => f.Name))}.");
    }

    public void Delete(string id)
    {
        Get(id);
        Directory.Delete(Path.Combine(Root, id), recursive: true);
    }

    private ExportView Read(string id)
    {
        var dir = Path.Combine(Root, id);
        var meta = JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(dir, MetaFile)), CoreJsonContext.Default.ExportView)!;
        return meta with
        {
            Files = new DirectoryInfo(dir).EnumerateFiles().Where(f => f.Name != MetaFile).OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new ExportFileView(f.Name, f.Length)).ToList(),
        };
    }

    private static string CheckId(string id) =>
        IdPattern().IsMatch(id) ? id : throw new NotFoundException($"There is no export '{Names.Printable(id)}'; export ids are task ids.");
}
