using System.Net;
using System.Net.Http.Headers;
using Carve.Api.Tests.Support;
using Carve.Tests.Shared;

namespace Carve.Api.Tests.Transfer;

/// <summary>
/// The transfer endpoints over HTTP: import and export are tasks, exports are listed, downloaded (ranges too)
/// and deleted, hostile input is a 400 problem, and viewers cannot download disks.
/// </summary>
public sealed class TransferEndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CarveServer Server => fixture.Server;
    private HttpClient Socket => Server.Socket;

    private async Task<string> ImportAsync(string path, string name)
    {
        using var response = await Socket.PostAsync("/api/v1/vms/import", Rest.Json(new { path, name }));
        await Rest.ExpectStatus(response, HttpStatusCode.Accepted);
        var taskId = (string)(await Rest.ReadJson(response))["taskId"]!;
        await Rest.ExpectSucceeded(Socket, taskId);
        return taskId;
    }

    [Fact]
    public async Task Import_export_download_and_delete_through_the_api()
    {
        var raw = TestDisk.Create(Path.Combine(Server.Dirs.Images, "api.raw"));
        var ova = await VmwareOva.BuildAsync(Server.Dirs.Images, "api-src", raw);
        var importTask = await ImportAsync(ova, "api-vm");
        Assert.Contains("api-vm", await Rest.VmNames(Socket));

        using var export = await Socket.PostAsync("/api/v1/vms/api-vm/export", Rest.Json(new { format = "qcow2" }));
        await Rest.ExpectStatus(export, HttpStatusCode.Accepted);
        var id = (string)(await Rest.ReadJson(export))["taskId"]!;
        await Rest.ExpectSucceeded(Socket, id);

        Assert.Contains(await Rest.GetArray(Socket, "/api/v1/exports"), e => (string?)e!["id"] == id);
        using var show = await Socket.GetAsync($"/api/v1/exports/{id}");
        var view = await Rest.ReadJson(show);
        Assert.Equal(("api-vm", "qcow2"), ((string?)view["vm"], (string?)view["format"]));
        var file = view["files"]!.AsArray().Single()!;
        Assert.Equal("api-vm-disk0.qcow2", (string?)file["name"]);

        using var download = await Socket.GetAsync($"/api/v1/exports/{id}/api-vm-disk0.qcow2");
        await Rest.ExpectStatus(download, HttpStatusCode.OK);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal((long)file["sizeBytes"]!, bytes.Length);
        var local = Path.Combine(Server.Dirs.Root, "downloaded.qcow2");
        await File.WriteAllBytesAsync(local, bytes);
        await TransferHost.AssertSameContentAsync(raw, "raw", local, "qcow2");

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{id}/api-vm-disk0.qcow2");
        range.Headers.Range = new RangeHeaderValue(0, 3);
        using var partial = await Socket.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("QFI"u8.ToArray(), (await partial.Content.ReadAsByteArrayAsync())[..3]);

        using (var delete = await Socket.DeleteAsync($"/api/v1/exports/{id}"))
            await Rest.ExpectStatus(delete, HttpStatusCode.NoContent);
        using (var gone = await Socket.GetAsync($"/api/v1/exports/{id}"))
            await Rest.ExpectProblem(gone, HttpStatusCode.NotFound);
        Assert.NotEqual(importTask, id);
    }

    [Fact]
    public async Task A_hostile_package_is_a_400_and_makes_no_vm()
    {
        var raw = TestDisk.Create(Path.Combine(Server.Dirs.Images, "xxe.raw"));
        var ova = await VmwareOva.BuildAsync(Server.Dirs.Images, "xxe", raw, new VmwareOvaOptions
        {
            EditOvf = ovf => ovf.Replace("<Envelope ", "<!DOCTYPE Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Envelope ", StringComparison.Ordinal),
        });

        using var response = await Socket.PostAsync("/api/v1/vms/import", Rest.Json(new { path = ova, name = "xxe-vm" }));

        Assert.Contains("DTD", await Rest.ExpectProblem(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.DoesNotContain("xxe-vm", await Rest.VmNames(Socket));
    }

    [Fact]
    public async Task Bad_requests_are_problems()
    {
        using (var unknownField = await Socket.PostAsync("/api/v1/vms/import", Rest.RawJson("""{"path":"/x","name":"a","extra":1}""")))
            await Rest.ExpectProblem(unknownField, HttpStatusCode.BadRequest);
        using (var outside = await Socket.PostAsync("/api/v1/vms/import", Rest.Json(new { path = "/etc/passwd", name = "a" })))
            Assert.Contains("outside the allowed image directories", await Rest.ExpectProblem(outside, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using (var format = await Socket.PostAsync("/api/v1/vms/nope/export", Rest.Json(new { format = "zip" })))
            Assert.Contains("export format", await Rest.ExpectProblem(format, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        using (var missing = await Socket.PostAsync("/api/v1/vms/nope/export", Rest.Json(new { format = "ova" })))
            await Rest.ExpectProblem(missing, HttpStatusCode.NotFound);
        using (var badId = await Socket.GetAsync("/api/v1/exports/..%2Fetc/passwd"))
            await Rest.ExpectProblem(badId, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_sees_exports_but_cannot_download_a_disk()
    {
        using var token = await Socket.PostAsync("/api/v1/tokens", Rest.Json(new { name = "transfer-viewer", role = "viewer" }));
        var viewer = Server.Https((string)(await Rest.ReadJson(token))["secret"]!);
        var raw = TestDisk.Create(Path.Combine(Server.Dirs.Images, "viewer.raw"));
        await ImportAsync(raw, "viewer-vm");
        using var export = await Socket.PostAsync("/api/v1/vms/viewer-vm/export", Rest.Json(new { format = "raw" }));
        var id = (string)(await Rest.ReadJson(export))["taskId"]!;
        await Rest.ExpectSucceeded(Socket, id);

        using (var list = await viewer.GetAsync("/api/v1/exports"))
            await Rest.ExpectStatus(list, HttpStatusCode.OK);
        using (var download = await viewer.GetAsync($"/api/v1/exports/{id}/viewer-vm-disk0.raw"))
            Assert.Contains("viewer", await Rest.ExpectProblem(download, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        using (var delete = await viewer.DeleteAsync($"/api/v1/exports/{id}"))
            await Rest.ExpectProblem(delete, HttpStatusCode.Forbidden);
    }
}
