using Carve.Core.Errors;

namespace Carve.Transfer;

public static partial class PackageReader
{
    /// <summary>An OVA is read in place: its disks are byte ranges of the tar, never extracted.</summary>
    private static ImportPlan ReadOva(string path)
    {
        var name = Path.GetFileName(path);
        var members = TarIndex.Read(path);
        var descriptors = members.Where(m => m.Name.EndsWith(".ovf", StringComparison.OrdinalIgnoreCase)).ToList();
        if (descriptors.Count != 1)
            throw new BadRequestException(descriptors.Count == 0
                ? $"{name} holds no .ovf descriptor; it is not an OVA."
                : $"{name} holds {descriptors.Count} .ovf descriptors; an OVA has exactly one.");
        var descriptor = descriptors[0];
        var bytes = ReadBytes(path, descriptor.Offset, descriptor.Length, ImportLimits.MaxDescriptorBytes, "OVF descriptor");
        var manifest = members.FirstOrDefault(m => m.Name.Equals(Path.ChangeExtension(descriptor.Name, ".mf"), StringComparison.Ordinal)) is { } mf
            ? Manifest.Parse(ReadBytes(path, mf.Offset, mf.Length, ImportLimits.MaxManifestBytes, "manifest"))
            : null;
        if (manifest is not null)
            DigestCheck.Verify(bytes, manifest.GetValueOrDefault(descriptor.Name)
                ?? throw new BadRequestException($"The manifest of {name} has no digest for {descriptor.Name}."));
        var ovf = OvfReader.Read(bytes);
        var disks = Disks(ovf, file =>
        {
            var member = members.FirstOrDefault(m => m.Name == file.Href)
                ?? throw new BadRequestException($"The OVF refers to {file.Href}, but {name} does not hold it.");
            return (path, member.Offset, member.Length, true);
        }, manifest, name);
        return new ImportPlan { Kind = "OVA", Ovf = ovf, Disks = disks };
    }
}
