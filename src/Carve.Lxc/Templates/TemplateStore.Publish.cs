using Carve.Lxc.Native;

namespace Carve.Lxc.Templates;

public sealed partial class TemplateStore
{
    /// <summary>Moves a finished build into place: the old template (if any) is swapped out, then removed.</summary>
    private void Publish(string buildDir, string name)
    {
        var final = Path.Combine(TemplatesDir, name);
        string? old = null;
        if (Directory.Exists(final))
        {
            old = Path.Combine(TemplatesDir, $"{OldPrefix}{name}-{Guid.NewGuid():N}");
            Directory.Move(final, old);
        }
        Directory.Move(buildDir, final);
        if (old is not null)
            DeleteTree(old);
        LogPublished(name);
    }

    private string NewBuildDir(string name)
    {
        Directory.CreateDirectory(TemplatesDir);
        var dir = Path.Combine(TemplatesDir, $"{BuildPrefix}{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "rootfs"));
        return dir;
    }

    private static long MeasureBytes(string root)
    {
        var total = 0L;
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
            foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                var status = Libc.LStat(entry);
                if (status is { IsDirectory: true })
                    pending.Push(entry);
                else if (status is { IsRegularFile: true })
                    total += status.Size;
            }
        return total;
    }
}
