using Carve.Core.Errors;
using Carve.Host.Files;

namespace Carve.Core.Validation;

/// <summary>User-given paths are only read from below the allowed roots, after every symlink is resolved.</summary>
public sealed class PathGuard(IReadOnlyList<string> roots)
{
    public IReadOnlyList<string> Roots { get; } = roots;

    public string ConfineExistingFile(string field, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new BadRequestException($"The {field} path is empty.");
        Names.RejectControlCharacters($"{field} path", path);
        if (!Path.IsPathFullyQualified(path))
            throw new BadRequestException($"The {field} path '{Names.Printable(path)}' must be absolute.");
        var real = RealPath.Resolve(path)
            ?? throw new BadRequestException($"The {field} '{Names.Printable(path)}' does not exist.");
        if (!Roots.Any(root => IsUnder(real, root)))
            throw new BadRequestException(
                $"The {field} '{Names.Printable(path)}' is outside the allowed image directories ({string.Join(", ", Roots)}).");
        if (!File.Exists(real))
            throw new BadRequestException($"The {field} '{Names.Printable(path)}' is not a regular file.");
        return real;
    }

    private static bool IsUnder(string path, string root)
    {
        var realRoot = RealPath.Resolve(root);
        if (realRoot is null)
            return false;
        var prefix = realRoot.EndsWith('/') ? realRoot : realRoot + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
