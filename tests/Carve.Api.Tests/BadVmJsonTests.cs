using System.Net;
using System.Text;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>A create request whose JSON is malformed, mistyped, incomplete or has unknown fields is a 4xx problem.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadVmJsonTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Fact]
    public async Task An_unknown_json_field_is_a_400_naming_it() =>
        Assert.Contains("colour", await PostRefused("""{"name":"web","colour":"red"}"""));

    [Fact]
    public async Task An_unknown_field_in_a_nested_object_is_a_400() =>
        Assert.Contains("sizee", await PostRefused("""{"name":"web","disks":[{"sizee":"8G"}]}"""));

    [Theory]
    [InlineData("""{"name": """)]
    [InlineData("""{"name":"web",}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task Malformed_json_is_a_400(string body) => await PostRefused(body);

    [Theory]
    [InlineData("""{"name":"web","cpus":"two"}""", "cpus")]
    [InlineData("""{"name":"web","cpus":1.5}""", "cpus")]
    [InlineData("""{"name":"web","memoryMiB":"512"}""", "memoryMiB")]
    [InlineData("""{"name":42}""", "name")]
    [InlineData("""{"name":"web","disks":"8G"}""", "disks")]
    [InlineData("""{"name":"web","start":"yes"}""", "start")]
    public async Task A_wrong_type_is_a_400_naming_the_field(string body, string field) =>
        Assert.Contains(field, await PostRefused(body));

    // JSON null for a list or a list item must be refused, not reach the validator as null (a 500).
    [Theory]
    [InlineData("""{"name":"web","disks":null}""")]
    [InlineData("""{"name":"web","disks":[null]}""")]
    [InlineData("""{"name":"web","nics":[null]}""")]
    [InlineData("""{"name":"web","firmware":null}""")]
    [InlineData("""{"name":"web","accel":null}""")]
    public async Task A_null_where_a_value_is_needed_is_a_400(string body) => await PostRefused(body);

    [Fact]
    public async Task A_missing_name_is_a_400() => Assert.Contains("name", await PostRefused("""{"cpus":2}"""));

    [Fact]
    public async Task A_null_name_is_a_400() => await PostRefused("""{"name":null}""");

    [Fact]
    public async Task An_empty_body_is_a_400() => await PostRefused("");

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        using var response = await Server.Socket.PostAsync("/api/v1/vms", new StringContent("""{"name":"web"}""", Encoding.UTF8, "text/plain"));
        await Rest.ExpectProblem(response, HttpStatusCode.UnsupportedMediaType);
        await ExpectNothingLeft();
    }
}
