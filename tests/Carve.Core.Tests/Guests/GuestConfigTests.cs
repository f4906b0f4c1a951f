using System.Text.Json.Nodes;
using Carve.Core.Guests;
using Carve.Core.Networks;

namespace Carve.Core.Tests.Guests;

public sealed class GuestConfigTests
{
    private sealed record Spec
    {
        public string Uuid { get; init; } = "u";
        public string? Firmware { get; init; }
    }

    [Fact]
    public void A_drivers_spec_reads_back_from_the_kind_specific_part()
    {
        var config = new GuestConfig { Cpus = 2 }.WithSpec(new Spec { Uuid = "abc", Firmware = "uefi" });

        Assert.Equal(new Spec { Uuid = "abc", Firmware = "uefi" }, GuestConfig.FromJson(config.ToJson()).Spec<Spec>());
    }

    [Fact]
    public void Settings_the_drivers_record_does_not_know_survive_a_new_spec()
    {
        var stored = GuestConfig.FromJson("""{"cpus":1,"uuid":"old","fromANewerCarved":{"x":1}}""");

        var changed = stored.WithSpec(stored.Spec<Spec>() with { Uuid = "new" });

        var json = JsonNode.Parse(changed.ToJson())!;
        Assert.Equal("new", (string?)json["uuid"]);
        Assert.Equal(1, (int)json["fromANewerCarved"]!["x"]!);
    }

    [Fact]
    public void A_setting_the_driver_clears_is_cleared_not_kept()
    {
        var stored = new GuestConfig().WithSpec(new Spec { Firmware = "uefi" });

        var cleared = stored.WithSpec(new Spec { Firmware = null });

        Assert.Null(GuestConfig.FromJson(cleared.ToJson()).Spec<Spec>().Firmware);
    }

    [Fact]
    public void What_is_derived_is_not_stored()
    {
        var json = new GuestConfig { Nics = [new GuestNic("net0", "lab", "virtio", "02:00:00:00:00:01")] }.ToJson();

        Assert.DoesNotContain("onCarveNetwork", json, StringComparison.Ordinal);
        Assert.DoesNotContain("memoryBytes", json, StringComparison.Ordinal);
    }
}
