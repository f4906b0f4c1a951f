namespace Carve.Qemu.Tests.Support;

/// <summary>Locates the host's QEMU tools for the tests that run the real thing.</summary>
internal static class RealQemu
{
    public const string SystemBinary = "qemu-system-x86_64";
    public const string ImageBinary = "qemu-img";
    public const string OvmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";
    public const string OvmfVars = "/usr/share/OVMF/OVMF_VARS_4M.fd";

    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string System => Find(SystemBinary) ?? throw new InvalidOperationException($"{SystemBinary} is not installed");

    public static string Img => Find(ImageBinary) ?? throw new InvalidOperationException($"{ImageBinary} is not installed");
}
