using Carve.SystemTests.Harness;

namespace Carve.Packaging.Tests.Support;

/// <summary>A package's files unpacked with dpkg-deb -x into a directory of their own: the installed layout, anywhere.</summary>
public sealed class ExtractedPackage : IDisposable
{
    private ExtractedPackage(string root) => Root = root;

    public string Root { get; }

    /// <summary>/usr/sbin/carved as installed: the program carved.service's ExecStart runs.</summary>
    public string Daemon => At("/usr/sbin/carved");

    public string Cli => At("/usr/bin/carve");

    public static async Task<ExtractedPackage> ExtractAsync(string deb, string? into = null)
    {
        var root = into ?? Directory.CreateTempSubdirectory("carve-deb-").FullName;
        (await DebPackage.RunAsync("dpkg-deb", "-x", deb, root)).EnsureSuccess();
        return new ExtractedPackage(root);
    }

    /// <summary>An installed path (absolute, as in the package) inside this root.</summary>
    public string At(string installedPath) => Path.Combine(Root, installedPath.TrimStart('/'));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
