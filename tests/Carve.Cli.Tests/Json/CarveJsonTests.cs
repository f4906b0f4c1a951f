using System.Text.Json;
using Carve.Contracts;
using Carve.Contracts.Auth;
using Carve.Contracts.Containers;
using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Contracts.Vms;

namespace Carve.Cli.Tests.Json;

/// <summary>The wire dialect keeps its rules when the metadata comes from the source generator.</summary>
public sealed class CarveJsonTests
{
    public static TheoryData<Type> Generated => new()
    {
        typeof(GuestSummary), typeof(IReadOnlyList<GuestSummary>), typeof(TaskAccepted), typeof(TaskEvent), typeof(TaskView),
        typeof(ProblemView), typeof(ExecStart), typeof(LoginRequest), typeof(SetCtRequest), typeof(CtView),
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void Wire_types_come_from_the_generated_context(Type type)
    {
        Assert.IsType<CarveJsonContext>(CarveJson.Options.GetTypeInfo(type).OriginatingResolver);
        Assert.IsType<CarveJsonContext>(CarveJson.Strict.GetTypeInfo(type).OriginatingResolver);
    }

    [Fact]
    public void Strict_refuses_an_unknown_field_through_the_generated_metadata()
    {
        Assert.IsType<CarveJsonContext>(CarveJson.Strict.GetTypeInfo(typeof(ExecStart)).OriginatingResolver);
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<ExecStart>("""{"command":["sh"],"colour":"red"}""", CarveJson.Strict));
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_refuses_an_unknown_field_in_a_nested_object()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<SetVmRequest>("""{"resizeDisks":[{"disk":"disk0","size":"9G","sise":1}]}""", CarveJson.Strict));
        Assert.Contains("sise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_refuses_null_where_the_contract_has_no_question_mark()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ExecStart>("""{"command":null}""", CarveJson.Strict));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LoginRequest>("""{"username":null,"password":"p"}""", CarveJson.Strict));
    }

    [Fact]
    public void Strict_refuses_a_missing_required_field() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LoginRequest>("""{"username":"root"}""", CarveJson.Strict));

    [Fact]
    public void Reading_answers_skips_fields_a_newer_daemon_adds()
    {
        var taskEvent = JsonSerializer.Deserialize<TaskEvent>("""{"kind":"status","status":"succeeded","shiny":true}""", CarveJson.Options)!;
        Assert.Equal("succeeded", taskEvent.Status);
    }

    [Fact]
    public void Omitted_fields_keep_their_initializers()
    {
        foreach (var options in new[] { CarveJson.Options, CarveJson.Strict })
        {
            var ct = JsonSerializer.Deserialize<CreateCtRequest>("""{"name":"c","template":"busybox"}""", options)!;
            Assert.Equal((1, 512), (ct.Cpus, ct.MemoryMiB));
            Assert.Empty(ct.Mounts);
            var vm = JsonSerializer.Deserialize<CreateVmRequest>("""{"name":"v","nics":[{}]}""", options)!;
            Assert.Equal(("bios", "auto"), (vm.Firmware, vm.Accel));
            Assert.Equal(("user", "virtio"), (vm.Nics![0].Network, vm.Nics[0].Model));
            Assert.Equal("viewer", JsonSerializer.Deserialize<CreateTokenRequest>("""{"name":"t"}""", options)!.Role);
        }
    }

    [Fact]
    public void Writing_is_camel_case_without_nulls()
    {
        var json = JsonSerializer.Serialize(new GuestSummary { Id = 100, Name = "b1", Type = GuestKind.Ct, Status = "stopped", MemoryMiB = 512 }, CarveJson.Options);
        Assert.Equal("""{"id":100,"name":"b1","type":"ct","status":"stopped","cpus":0,"memoryMiB":512,"template":false}""", json);
    }

    [Fact]
    public void Writing_does_not_escape_quotes_or_ampersands() =>
        Assert.Equal("""{"detail":"'a' & <b>"}""", JsonSerializer.Serialize(new ProblemView { Detail = "'a' & <b>" }, CarveJson.Options));
}
