using System.Text.Json;
using System.Text.Json.Serialization;
using Carve.Contracts.Guests;
using Carve.Core.Configuration;
using Carve.Core.Guests;
using Carve.Qemu.Driver;
using Carve.Qemu.Launch;

namespace Carve.Qemu.Tests.Launch;

/// <summary>
/// One Golden/Config/&lt;case&gt;.json: a VM's stored config exactly as the guests table holds it ("config"), the
/// guest's id and name (columns of their own), and what the driver learns from the host just before a start ("launch").
/// Runtime paths and the OVMF code are carved's embedded defaults.
/// </summary>
internal sealed record StoredConfigCase(GuestRecord Guest, VmLaunchInputs Inputs)
{
    public const string Folder = "Config";

    // A misspelt key in a case file fails the case instead of silently meaning its default.
    private static readonly JsonSerializerOptions CaseJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Directory => Path.Combine(GoldenFile.OutputDirectory, Folder);

    public static IReadOnlyList<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public static StoredConfigCase Load(string name)
    {
        var file = JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(Path.Combine(Directory, name + ".json")), CaseJson)
            ?? throw new InvalidDataException($"{name}.json is empty.");
        var options = new CarveOptions();
        var guest = new GuestRecord
        {
            Id = file.Guest.Id,
            Name = file.Guest.Name,
            Kind = GuestKind.Vm,
            Config = GuestConfig.FromJson(file.Config.GetRawText()),
        };
        var inputs = new VmLaunchInputs
        {
            Accel = file.Launch.Accel,
            Paths = QemuPaths.For(options, file.Guest.Id),
            VolumePaths = file.Launch.VolumePaths,
            VarsFormat = file.Launch.VarsFormat,
            OvmfCode = options.OvmfCode,
            Taps = file.Launch.Taps,
            StartPaused = file.Launch.Paused,
        };
        return new StoredConfigCase(guest, inputs);
    }

    /// <param name="About">What the case is for, for the reader.</param>
    private sealed record CaseFile(string About, CaseGuest Guest, JsonElement Config, CaseLaunch Launch);

    private sealed record CaseGuest(int Id, string Name);

    private sealed record CaseLaunch(string Accel, Dictionary<string, string> VolumePaths, string? VarsFormat, Dictionary<int, string> Taps, bool Paused);
}
