using System.Formats.Tar;
using Carve.Core.Errors;
using Carve.Core.Validation;

namespace Carve.Transfer;

/// <summary>
/// Lists the members of an OVA without reading their data: each is a contiguous byte range that qemu-img can
/// read in place. Only plain files with confined names are accepted, and every range must lie inside the file.
/// </summary>
public static class TarIndex
{
    public static IReadOnlyList<TarMember> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var end = file.Length;
        var members = new List<TarMember>();
        try
        {
            using var reader = new TarReader(file, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (entry.EntryType == TarEntryType.Directory)
                    continue;
                var name = PackageNames.Check("OVA member", entry.Name);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    throw new BadRequestException($"The OVA member '{name}' is a {entry.EntryType}; an OVA holds plain files only.");
                if (entry is PaxTarEntry pax && pax.ExtendedAttributes.Keys.Any(k => k.StartsWith("GNU.sparse", StringComparison.Ordinal)))
                    throw new BadRequestException($"The OVA member '{name}' is stored as a sparse tar file; an OVA holds plain files only.");
                if (entry.DataOffset < 0 || entry.DataOffset + entry.Length > end)
                    throw new BadRequestException(
                        $"The OVA is truncated: member '{name}' needs {Sizes.Format(entry.Length)} from byte {entry.DataOffset}, but the file ends at byte {end}.");
                if (members.Any(m => m.Name == name))
                    throw new BadRequestException($"The OVA holds '{name}' twice.");
                if (members.Count == ImportLimits.MaxTarMembers)
                    throw new BadRequestException($"The OVA has more than {ImportLimits.MaxTarMembers} members.");
                members.Add(new TarMember(name, entry.DataOffset, entry.Length));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException)
        {
            throw new BadRequestException($"The OVA is not a valid tar archive (or it is truncated): {e.Message}");
        }
        return members;
    }
}
