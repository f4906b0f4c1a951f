using System.Net;
using Carve.Api.Tests.Support;

namespace Carve.Api.Tests;

/// <summary>Unknown endpoints, wrong methods, missing VMs and bad query values are 4xx problems, never 500s.</summary>
[Collection(BadInputCollection.Name)]
public sealed class BadRouteTests(ServerFixture fixture) : BadInputTestBase(fixture)
{
    [Fact]
    public async Task An_unknown_endpoint_is_a_404_problem()
    {
        using var response = await Server.Socket.GetAsync("/api/v1/nope");
        Assert.Contains("/api/v1/nope", await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await Server.Socket.PutAsync("/api/v1/vms", Rest.Json(new { name = "web" }));
        await Rest.ExpectProblem(response, HttpStatusCode.MethodNotAllowed);
        await ExpectNothingLeft();
    }

    [Theory]
    [InlineData("GET", "/api/v1/vms/ghost", "ghost")]
    [InlineData("GET", "/api/v1/vms/4242", "4242")]
    [InlineData("DELETE", "/api/v1/vms/ghost", "ghost")]
    [InlineData("POST", "/api/v1/vms/ghost/start", "ghost")]
    [InlineData("POST", "/api/v1/vms/ghost/stop", "ghost")]
    [InlineData("PATCH", "/api/v1/vms/ghost", "ghost")]
    public async Task A_vm_that_does_not_exist_is_a_404_naming_it(string method, string path, string reference)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "PATCH" ? Rest.Json(new { cpus = 2 }) : null,
        };
        using var response = await Server.Socket.SendAsync(request);
        Assert.Contains(reference, await Rest.ExpectProblem(response, HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("999999")]
    public async Task A_bad_timeout_on_an_action_is_a_400(string timeout)
    {
        using var response = await Server.Socket.PostAsync($"/api/v1/vms/ghost/shutdown?timeout={timeout}", null);
        await Rest.ExpectProblem(response, HttpStatusCode.BadRequest);
    }
}
