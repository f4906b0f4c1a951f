using Carve.Core.Errors;

namespace Carve.Transfer;

public static partial class PackageReader
{
    /// <summary>An OVF's files lie beside it; none may lead out of its directory.</summary>
    private static ImportPlan ReadOvf(string path)
    {
        var name = Path.GetFileName(path);
        var directory = Path.GetDirectoryName(path)!;
        var bytes = ReadBytes(path, 0, new FileInfo(path).Length, ImportLimits.MaxDescriptorBytes, "OVF descriptor");
        var mfPath = Path.ChangeExtension(path, ".mf");
        var manifest = File.Exists(mfPath)
            ? Manifest.Parse(ReadBytes(mfPath, 0, new FileInfo(mfPath).Length, ImportLimits.MaxManifestBytes, "manifest"))
            : null;
        if (manifest is not null)
            DigestCheck.Verify(bytes, manifest.GetValueOrDefault(name)
                ?? throw new BadRequestException($"The manifest {Path.GetFileName(mfPath)} has no digest for {name}."));
        var ovf = OvfReader.Read(bytes);
        var disks = Disks(ovf, file =>
        {
            var real = PackageNames.ResolveInside(directory, file.Href, $"file {file.Href} of {name}");
            return (real, 0, new FileInfo(real).Length, false);
        }, manifest, name);
        return new ImportPlan { Kind = "OVF", Ovf = ovf, Disks = disks };
    }
}
