using System.Formats.Tar;
using System.Text;

namespace Carve.Lxc.Tests.Rootfs;

/// <summary>Builds tar archives in memory, including ones no honest tar tool would write.</summary>
internal sealed class TarBuilder
{
    private readonly List<TarEntry> _entries = [];

    public TarBuilder Dir(string name, int uid = 0, UnixFileMode mode = (UnixFileMode)0x1ED)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.Directory, name) { Uid = uid, Gid = uid, Mode = mode });
        return this;
    }

    public TarBuilder File(string name, string content, int uid = 0, UnixFileMode mode = (UnixFileMode)0x1A4)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Uid = uid, Gid = uid, Mode = mode, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
        });
        return this;
    }

    public TarBuilder Symlink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = (UnixFileMode)0x1FF });
        return this;
    }

    public TarBuilder HardLink(string name, string target)
    {
        _entries.Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target, Mode = (UnixFileMode)0x1A4 });
        return this;
    }

    public TarBuilder Entry(TarEntryType type, string name)
    {
        var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)0x1B6 };
        if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
            (entry.DeviceMajor, entry.DeviceMinor) = (1, 3);
        _entries.Add(entry);
        return this;
    }

    public MemoryStream Build()
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var entry in _entries)
                writer.WriteEntry(entry);
        stream.Position = 0;
        return stream;
    }

    public void WriteTo(string path)
    {
        using var file = System.IO.File.Create(path);
        Build().CopyTo(file);
    }
}
