using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Guests;

/// <summary>A driver's own record, as the drivers have them: its JSON metadata generated at compile time.</summary>
internal sealed record TestSpec : IGuestSpec<TestSpec>
{
    public string Uuid { get; set; } = "u";
    public string? Firmware { get; init; }

    public static JsonTypeInfo<TestSpec> JsonTypeInfo => TestSpecJson.Default.TestSpec;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TestSpec))]
internal sealed partial class TestSpecJson : JsonSerializerContext;

public sealed class GuestConfigTests
{
    [Fact]
    public void A_drivers_spec_reads_back_from_the_kind_specific_part()
    {
        var config = new GuestConfig { Cpus = 2 }.WithSpec(new TestSpec { Uuid = "abc", Firmware = "uefi" });

        Assert.Equal(new TestSpec { Uuid = "abc", Firmware = "uefi" }, GuestConfig.FromJson(config.ToJson()).Spec<TestSpec>());
    }

    [Fact]
    public void Settings_the_drivers_record_does_not_know_survive_a_new_spec()
    {
        var stored = GuestConfig.FromJson("""{"cpus":1,"uuid":"old","fromANewerCarved":{"x":1}}""");

        var changed = stored.WithSpec(stored.Spec<TestSpec>() with { Uuid = "new" });

        var json = JsonNode.Parse(changed.ToJson())!;
        Assert.Equal("new", (string?)json["uuid"]);
        Assert.Equal(1, (int)json["fromANewerCarved"]!["x"]!);
    }

    [Fact]
    public void A_setting_the_driver_clears_is_cleared_not_kept()
    {
        var stored = new GuestConfig().WithSpec(new TestSpec { Firmware = "uefi" });

        var cleared = stored.WithSpec(new TestSpec { Firmware = null });

        Assert.Null(GuestConfig.FromJson(cleared.ToJson()).Spec<TestSpec>().Firmware);
    }

    [Fact]
    public void A_default_of_the_drivers_record_survives_a_stored_config_that_lacks_the_key()
    {
        var stored = GuestConfig.FromJson("""{"cpus":1,"firmware":"bios"}""");

        Assert.Equal("u", stored.Spec<TestSpec>().Uuid);
        Assert.Equal((1, 512), (stored.Cpus, stored.MemoryMiB));
        Assert.Empty(stored.Nics);
    }

    [Fact]
    public void What_is_derived_is_not_stored()
    {
        var json = new GuestConfig { Nics = [new GuestNic("net0", "lab", "virtio", "02:00:00:00:00:01")] }.ToJson();

        Assert.DoesNotContain("onCarveNetwork", json, StringComparison.Ordinal);
        Assert.DoesNotContain("memoryBytes", json, StringComparison.Ordinal);
    }
}
