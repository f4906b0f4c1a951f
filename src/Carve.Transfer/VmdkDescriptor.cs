using Carve.Core.Errors;

namespace Carve.Transfer;

/// <summary>
/// A VMDK text descriptor names its extent files, and qemu opens whatever they name: "/dev/sda" or
/// "json:{...}" would copy a host disk into the VM. Every name qemu could take as an extent must be a file
/// beside the descriptor. The extent lines are found the way qemu's vmdk_parse_extents finds them (sscanf
/// "%10s %lld %10s \"%511[^\n\r\"]\"" at the start of every line), whatever their access or type, so
/// that nothing qemu would open escapes the check.
/// </summary>
public static class VmdkDescriptor
{
    /// <summary>The extent file names of a descriptor, in order.</summary>
    public static IReadOnlyList<string> ExtentNames(string text)
    {
        var nul = text.IndexOf('\0');
        if (nul >= 0)
            text = text[..nul];
        var names = new List<string>();
        for (var p = 0; p < text.Length; p = text.IndexOf('\n', p) is var nl && nl < 0 ? text.Length : nl + 1)
            if (ScanExtent(text, p) is { } name)
                names.Add(name);
        return names;
    }

    /// <summary>Refuses a descriptor whose extents lie outside its directory or that names a parent image.</summary>
    public static void CheckExtents(string descriptorPath)
    {
        var bytes = new byte[ImportLimits.MaxVmdkDescriptorBytes - 1];
        int length;
        using (var file = File.OpenRead(descriptorPath))
            length = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.Latin1.GetString(bytes, 0, length);
        if (text.Contains("parentFileNameHint", StringComparison.Ordinal))
            throw new BadRequestException($"The VMDK {descriptorPath} is a delta disk of a parent image; import a standalone disk.");
        var directory = Path.GetDirectoryName(descriptorPath)!;
        var extents = ExtentNames(text);
        if (extents.Count == 0)
            throw new BadRequestException($"The VMDK descriptor {descriptorPath} names no extent file.");
        foreach (var name in extents)
            PackageNames.ResolveInside(directory, name, $"extent file of {Path.GetFileName(descriptorPath)}");
    }

    private static string? ScanExtent(string s, int p)
    {
        if (!Word(s, ref p, out _) || !Integer(s, ref p) || !Word(s, ref p, out _))
            return null;
        SkipSpace(s, ref p);
        if (p >= s.Length || s[p] != '"')
            return null;
        var start = ++p;
        while (p < s.Length && p - start < 511 && s[p] is not ('\n' or '\r' or '"'))
            p++;
        return p > start ? s[start..p] : null;
    }

    /// <summary>%10s: skips white space, then takes 1 to 10 non-space characters.</summary>
    private static bool Word(string s, ref int p, out string word)
    {
        SkipSpace(s, ref p);
        var start = p;
        while (p < s.Length && p - start < 10 && !IsSpace(s[p]))
            p++;
        word = s[start..p];
        return p > start;
    }

    /// <summary>%lld: skips white space, an optional sign, then at least one digit.</summary>
    private static bool Integer(string s, ref int p)
    {
        SkipSpace(s, ref p);
        if (p < s.Length && s[p] is '+' or '-')
            p++;
        var start = p;
        while (p < s.Length && char.IsAsciiDigit(s[p]))
            p++;
        return p > start;
    }

    private static void SkipSpace(string s, ref int p)
    {
        while (p < s.Length && IsSpace(s[p]))
            p++;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
}
