using System.Reflection;
using Carve.Contracts;

namespace Carve.Cli.Tests.Json;

/// <summary>
/// The CLI and the daemon are Native AOT: a wire type read or written without compile-time metadata fails at run
/// time, not at build time. Every public record of Contracts must be in <see cref="CarveJsonContext"/>.
/// </summary>
public sealed class WireMetadataTests
{
    public static TheoryData<string> WireTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(CarveJson).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null))
            data.Add(type.FullName!);
        return data;
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Every_wire_record_has_generated_metadata(string typeName)
    {
        var type = typeof(CarveJson).Assembly.GetType(typeName)!;
        var info = CarveJson.Options.GetTypeInfo(type);
        Assert.NotNull(info);
    }

    [Fact]
    public void Defaults_survive_a_request_that_leaves_them_out()
    {
        var vm = System.Text.Json.JsonSerializer.Deserialize("""{"name":"web"}""", CarveJson.StrictTypeInfo<Contracts.Vms.CreateVmRequest>())!;

        Assert.Equal((1, 512, "bios", "auto"), (vm.Cpus, vm.MemoryMiB, vm.Firmware, vm.Accel));
        Assert.Empty(vm.Disks);
    }
}
