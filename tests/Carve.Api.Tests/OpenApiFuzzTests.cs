using System.Net;
using Carve.Api.Tests.Support;
using Xunit.Abstractions;

namespace Carve.Api.Tests;

/// <summary>
/// Every operation of the served OpenAPI document gets bad input (see <see cref="FuzzCases"/>) as local root over the
/// unix socket, so that only the input can be wrong. Each answer must be a 4xx, never a 5xx or no answer (the client
/// gives up after 90 s), and afterwards the daemon must still list the fixture's VM and export.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzFixture>
{
    /// <summary>The cases' names do not depend on which values exist.</summary>
    private static readonly Dictionary<string, string> NoneExist = [];

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var rows = new TheoryData<string, string, string>();
            foreach (var operation in ServedOpenApi.Operations)
            {
                foreach (var fuzz in FuzzCases.For(operation, NoneExist))
                    rows.Add(operation.Method, operation.Template, fuzz.Name);
            }
            return rows;
        }
    }

    [Fact]
    public void Every_operation_with_input_gets_cases()
    {
        var operations = ServedOpenApi.Operations;
        var withoutInput = operations.Where(o => o.RequestSchema is null && o.PathParameters.Count == 0 && o.QueryParameters.Count == 0).ToList();
        var withCases = operations.Count(o => FuzzCases.For(o, NoneExist).Count > 0);
        output.WriteLine($"{operations.Select(o => o.Template).Distinct().Count()} paths, {operations.Count} operations, " +
            $"{withCases} with cases, {Cases.Count} cases; without input: {string.Join(", ", withoutInput)}");
        Assert.Equal(operations.Count - withoutInput.Count, withCases);
        Assert.True(withCases >= 40, $"only {withCases} operations fuzzed");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_4xx_and_the_daemon_stays_up(string method, string path, string @case)
    {
        var fuzz = FuzzCases.For(ServedOpenApi.Find(method, path), fixture.Existing).Single(c => c.Name == @case);
        using (var request = Rest.Request(new HttpMethod(method), fuzz.Path, fuzz.Body()))
        using (var response = await fixture.Server.Socket.SendAsync(request))
        {
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            if (fuzz.FoldsTo is not null && method == "GET" && response.IsSuccessStatusCode)
                await ExpectAnswersAsFolded(fuzz.FoldsTo, response.StatusCode);
            else
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        }
        Assert.Contains(FuzzFixture.Guest, await Rest.VmNames(fixture.Server.Socket));
        Assert.Single(await Rest.GetArray(fixture.Server.Socket, "/api/v1/exports"));
    }

    /// <summary>
    /// Routing sees a dot segment folded away, so a GET may land on the parent collection (/exports/x/.. is /exports):
    /// it must then answer as that path does, which shows the segment never reached an endpoint as a name.
    /// </summary>
    private async Task ExpectAnswersAsFolded(string folded, HttpStatusCode status)
    {
        using var response = await fixture.Server.Socket.GetAsync(folded);
        Assert.Equal(response.StatusCode, status);
        output.WriteLine($"folded to {folded}, which answers {(int)response.StatusCode} too");
    }
}
