using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carve.Api.Tests.Support;

/// <summary>Small helpers to speak the daemon's JSON and check its answers.</summary>
public static class Rest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static StringContent Json(object body) => RawJson(JsonSerializer.Serialize(body, Web));

    public static StringContent RawJson(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadJson(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty JSON answer");
    }

    /// <summary>Checks the status first, showing the body when it is not what was expected.</summary>
    public static async Task ExpectStatus(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
            Assert.Fail($"expected {(int)status} but got {(int)response.StatusCode} {response.Content.Headers.ContentType}: " +
                await response.Content.ReadAsStringAsync());
    }

    /// <summary>An RFC 9457 problem with this status and a non-empty detail; returns the detail.</summary>
    public static async Task<string> ExpectProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        await ExpectStatus(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJson(response);
        Assert.Equal((int)status, (int)problem["status"]!);
        var detail = (string?)problem["detail"];
        Assert.False(string.IsNullOrWhiteSpace(detail), "the problem has no detail");
        return detail!;
    }

    /// <summary>Posts a create request and expects 202 with a task id; returns the task id.</summary>
    public static async Task<string> CreateVm(HttpClient client, object body)
    {
        using var response = await client.PostAsync("/api/v1/vms", Json(body));
        await ExpectStatus(response, HttpStatusCode.Accepted);
        return (string)(await ReadJson(response))["taskId"]!;
    }

    /// <summary>Waits for a task through the API and returns it.</summary>
    public static async Task<JsonNode> WaitTask(HttpClient client, string taskId)
    {
        using var response = await client.GetAsync($"/api/v1/tasks/{taskId}/wait?timeout=60");
        await ExpectStatus(response, HttpStatusCode.OK);
        return await ReadJson(response);
    }

    /// <summary>Waits for a task and checks that it succeeded, showing its error otherwise.</summary>
    public static async Task<JsonNode> ExpectSucceeded(HttpClient client, string taskId)
    {
        var task = await WaitTask(client, taskId);
        Assert.True((string?)task["status"] == "succeeded", $"task {taskId} ended {task["status"]}: {task["error"]}");
        return task;
    }

    public static async Task<JsonArray> GetArray(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await ExpectStatus(response, HttpStatusCode.OK);
        return (await ReadJson(response)).AsArray();
    }

    public static async Task<IReadOnlyList<string>> VmNames(HttpClient client) =>
        (await GetArray(client, "/api/v1/vms")).Select(vm => (string)vm!["name"]!).ToList();

    public static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

}
