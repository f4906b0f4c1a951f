using System.Text.RegularExpressions;
using Carve.Contracts.Containers;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Host.Processes;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z")]
    private static partial Regex SuitePattern();

    /// <summary>The template name for a suite: "debian" for the default suite, "debian-SUITE" for others.</summary>
    public static string DebianTemplateName(string suite) => suite == DefaultDebianSuite ? Debian : $"{Debian}-{suite}";

    /// <summary>
    /// debootstrap --variant=minbase from the host's configured mirror into a scratch directory, then renamed into
    /// place. Replaces an earlier build of the same suite. Progress follows debootstrap's own "I:" lines.
    /// </summary>
    public async Task<TemplateView> BuildDebianAsync(string suite, ITaskContext task, CancellationToken ct)
    {
        if (!SuitePattern().IsMatch(suite))
            throw new BadRequestException($"Invalid Debian suite '{Names.Printable(suite)}': use a codename such as bookworm.");
        if (ExecutableLookup.Find("debootstrap") is null)
            throw new OperationFailedException("Building the Debian template needs debootstrap: install the Debian package debootstrap.");
        var name = DebianTemplateName(suite);
        var mirror = AptMirror.Find(suite, aptDir);

        await _build.WaitAsync(ct);
        string? buildDir = null;
        try
        {
            buildDir = NewBuildDir(name);
            var rootfs = Path.Combine(buildDir, "rootfs");
            task.Log($"Bootstrapping Debian {suite} (minbase + {DebianRootfs.ExtraPackages}) from {mirror}.");
            await RunDebootstrapAsync(suite, rootfs, mirror, task, ct);
            DebianRootfs.Prepare(rootfs);
            var meta = new TemplateMetadata
            {
                Name = name, Source = "debootstrap", CreatedAt = DateTimeOffset.UtcNow, SizeBytes = MeasureBytes(rootfs),
                Description = $"Debian {suite} minbase from {mirror}",
            };
            meta.Write(buildDir);
            Publish(buildDir, name);
            task.Progress(100);
            task.Log($"The template {name} is ready ({Sizes.Format(meta.SizeBytes)}).");
            return new TemplateView { Name = name, Source = meta.Source, Ready = true, SizeBytes = meta.SizeBytes, Description = meta.Description };
        }
        finally
        {
            if (buildDir is not null)
            {
                await UnmountBelowAsync(buildDir);
                DeleteTree(buildDir);
            }
            _build.Release();
        }
    }

    private async Task RunDebootstrapAsync(string suite, string rootfs, string mirror, ITaskContext task, CancellationToken ct)
    {
        var progress = new DebootstrapProgress();
        var reported = 0;
        var lines = new LineSplitter(line =>
        {
            if (progress.Observe(line) is { } worth)
                task.Log(worth);
            if (progress.Percent != reported)
                task.Progress(reported = progress.Percent);
        });
        var spec = new ProcessSpec("debootstrap", ["--variant=minbase", $"--include={DebianRootfs.ExtraPackages}", suite, rootfs, mirror])
        {
            Timeout = TimeSpan.FromHours(1),
            OnStdout = lines.Feed,
            OnStderr = lines.Feed,
        };
        var result = await runner.RunAsync(spec, ct);
        if (result.Succeeded)
            return;
        var detail = ReadTail(Path.Combine(rootfs, "debootstrap", "debootstrap.log")) ?? result.LastErrorLine;
        throw new OperationFailedException(result.TimedOut
            ? $"debootstrap of {suite} did not finish within an hour."
            : $"debootstrap of {suite} from {mirror} failed: {detail}");
    }

    private static string? ReadTail(string path)
    {
        if (!File.Exists(path))
            return null;
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join(" / ", lines.TakeLast(3));
    }
}
