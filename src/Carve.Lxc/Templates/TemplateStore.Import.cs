using Carve.Contracts.Containers;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Validation;
using Carve.Lxc.Rootfs;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    /// <summary>Makes a named template from a rootfs tarball (already confined by the core's PathGuard).</summary>
    public async Task<TemplateView> ImportTarballAsync(string name, string tarball, ITaskContext task, CancellationToken ct)
    {
        if (!TemplateName().IsMatch(name) || name == Busybox || name == Debian || name.StartsWith(Debian + "-", StringComparison.Ordinal))
            throw new BadRequestException($"Invalid template name '{Names.Printable(name)}': use lowercase letters, digits, dots and dashes, and not busybox or debian.");
        await _build.WaitAsync(ct);
        string? buildDir = null;
        try
        {
            buildDir = NewBuildDir(name);
            var rootfs = Path.Combine(buildDir, "rootfs");
            var result = await TarballExtractor.ExtractFileAsync(tarball, rootfs, mapping: null, MaxExtractBytes, ct);
            var meta = new TemplateMetadata
            {
                Name = name, Source = "tarball", CreatedAt = DateTimeOffset.UtcNow, SizeBytes = result.Bytes,
                Description = $"Imported from {Path.GetFileName(tarball)}",
            };
            meta.Write(buildDir);
            Publish(buildDir, name);
            task.Log($"Imported {result.Entries} entries ({Sizes.Format(result.Bytes)}) as the template {name}.");
            return new TemplateView { Name = name, Source = meta.Source, Ready = true, SizeBytes = meta.SizeBytes, Description = meta.Description };
        }
        finally
        {
            if (buildDir is not null)
                DeleteTree(buildDir);
            _build.Release();
        }
    }
}
