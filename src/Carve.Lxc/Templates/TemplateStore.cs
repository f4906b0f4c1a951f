using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Carve.Contracts.Containers;
using Carve.Core.Templates;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Host.Processes;
using Carve.Lxc.Rootfs;
using Microsoft.Extensions.Logging;

namespace Carve.Lxc.Templates;

/// <summary>
/// Container templates under {DataDir}/templates/NAME: a rootfs owned by host root plus template.json, which is
/// written last. Each is built in a scratch directory and renamed into place, so a half-built one never shows.
/// New containers get a copy (ids shifted for unprivileged ones) or, for a tarball path, an extraction.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification =
    "A process-lifetime singleton: its gate is held by background tasks, which the daemon only asks to stop at " +
    "shutdown, so they may still release it after the container disposes singletons; a disposed gate would fail them " +
    "with ObjectDisposedException instead of their own outcome. SemaphoreSlim(1, 1) allocates no wait handle, so " +
    "disposing it would free nothing.")]
public sealed partial class TemplateStore(
    string templatesDir,
    IProcessRunner runner,
    ILogger<TemplateStore> logger,
    string busyboxBinary = "/bin/busybox",
    string aptDir = "/etc/apt",
    Host.Proc.ProcFs? procFs = null) : ITemplateStore
{
    private readonly Host.Proc.ProcFs proc = procFs ?? new Host.Proc.ProcFs();

    public const string Busybox = "busybox";
    public const string Debian = "debian";
    public const string DefaultDebianSuite = "bookworm";
    /// <summary>The most a tarball may unpack to.</summary>
    public const long MaxExtractBytes = 64L << 30;

    private readonly SemaphoreSlim _build = new(1, 1);

    public string TemplatesDir { get; } = templatesDir;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,62}\z")]
    private static partial Regex TemplateName();

    public string RootfsOf(string name) => Path.Combine(TemplatesDir, name, "rootfs");

    public bool IsReady(string name) =>
        TemplateName().IsMatch(name) && TemplateMetadata.TryRead(Path.Combine(TemplatesDir, name)) is not null && Directory.Exists(RootfsOf(name));

    /// <summary>The core validated the request: only debian exists.</summary>
    public async Task BuildAsync(BuildTemplateRequest request, ITaskContext task, CancellationToken ct) =>
        await BuildDebianAsync(request.Suite, task, ct);

    public IReadOnlyList<TemplateView> List()
    {
        var views = new Dictionary<string, TemplateView>(StringComparer.Ordinal)
        {
            // Built on first use from the host's busybox-static, so always usable.
            [Busybox] = new() { Name = Busybox, Source = "builtin", Ready = true, Description = "BusyBox (static) with a shell on the console" },
            [Debian] = new() { Name = Debian, Source = "debootstrap", Ready = false, Description = $"Debian {DefaultDebianSuite} minbase: run `carve template build debian`" },
        };
        if (Directory.Exists(TemplatesDir))
            foreach (var dir in Directory.EnumerateDirectories(TemplatesDir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(dir);
                if (name.StartsWith('.') || TemplateMetadata.TryRead(dir) is not { } meta)
                    continue;
                views[name] = new TemplateView
                {
                    Name = name, Source = meta.Source, Ready = Directory.Exists(RootfsOf(name)),
                    SizeBytes = meta.SizeBytes, Description = meta.Description,
                };
            }
        return views.Values.ToList();
    }

    /// <summary>
    /// Fills <paramref name="rootfs"/> (an empty directory) from a template name or an absolute tarball path,
    /// giving every file to the container's ids when <paramref name="mapping"/> is set.
    /// </summary>
    public async Task PopulateAsync(string template, string rootfs, IdMapping? mapping, ITaskContext task, CancellationToken ct)
    {
        if (Path.IsPathFullyQualified(template))
        {
            task.Log($"Extracting {template} into the root file system.");
            var result = await TarballExtractor.ExtractFileAsync(template, rootfs, mapping, MaxExtractBytes, ct);
            task.Log($"Extracted {result.Entries} entries ({Sizes.Format(result.Bytes)})"
                + (result.SkippedDevices > 0 ? $"; skipped {result.SkippedDevices} device nodes, LXC provides /dev." : "."));
            return;
        }
        if (template == Busybox)
            await EnsureBusyboxAsync(ct);
        else if (!IsReady(template))
            throw new BadRequestException(template == Debian || template.StartsWith(Debian + "-", StringComparison.Ordinal)
                ? $"The template '{Names.Printable(template)}' has not been built yet; run `carve template build debian` first."
                : $"There is no template '{Names.Printable(template)}'; see `carve template list`.");
        await CopyAsync(RootfsOf(template), rootfs, ct);
        task.Log($"Copied the {template} template.");
        if (mapping is not null)
        {
            var shifted = await Task.Run(() => IdShifter.Shift(rootfs, mapping, ct), ct);
            task.Log($"Gave {shifted} files to the container's ids ({mapping.Start}-{mapping.Start + mapping.Count - 1}).");
        }
    }

    /// <summary>cp -a keeps owners, modes, hard links, xattrs and sparseness, which a managed copy would have to redo.</summary>
    private async Task CopyAsync(string source, string target, CancellationToken ct)
    {
        var result = await runner.RunAsync(
            new ProcessSpec("cp", ["-a", "--reflink=auto", "--", source + "/.", target]) { Timeout = TimeSpan.FromMinutes(30) }, ct);
        if (!result.Succeeded)
            throw new OperationFailedException($"Copying the template {source} failed: {result.LastErrorLine}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Template {Name} is ready")]
    private partial void LogPublished(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the scratch directory {Path}")]
    private partial void LogCleanupFailed(string path, Exception exception);
}
