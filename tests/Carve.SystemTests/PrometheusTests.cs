using System.Diagnostics;
using System.Text.Json;
using Carve.SystemTests.Harness;

namespace Carve.SystemTests;

/// <summary>
/// Debian's real Prometheus server scrapes carved over HTTPS with a viewer token, and its own query API then gives a
/// running VM's metrics; promtool accepts carved's exposition.
/// </summary>
public sealed class PrometheusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prometheus_scrapes_a_running_vm_with_a_viewer_token_and_promtool_accepts_the_output()
    {
        var port = FreePorts.Next();
        await using var d = await DaemonProcess.StartAsync(listen: $"127.0.0.1:{port}");
        (await d.CreateDirectBootVmAsync("scraped")).EnsureSuccess();
        (await d.CarveAsync("vm", "start", "scraped")).EnsureSuccess();
        var token = (await d.CarveAsync("token", "create", "prometheus", "--role", "viewer")).EnsureSuccess().Stdout.Trim();

        var dir = Path.Combine(d.Root, "prometheus");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "token"), token);
        await File.WriteAllTextAsync(Path.Combine(dir, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: carve
                scheme: https
                tls_config:
                  insecure_skip_verify: true
                authorization:
                  credentials_file: {dir}/token
                static_configs:
                  - targets: ['127.0.0.1:{port}']
            """);
        var web = $"127.0.0.1:{FreePorts.Next()}";
        using var prometheus = Process.Start(new ProcessStartInfo("prometheus")
        {
            ArgumentList = { $"--config.file={dir}/prometheus.yml", $"--storage.tsdb.path={dir}/data", $"--web.listen-address={web}" },
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        var log = prometheus.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://{web}") };
            Assert.Equal("1", await QueryUntilAsync(http, "carve_guest_up{guest=\"scraped\",kind=\"vm\"}", v => v == "1", prometheus));
            var memory = await QueryUntilAsync(http, "carve_guest_memory_bytes{guest=\"scraped\"}", v => v is not null, prometheus);
            Assert.True(double.Parse(memory!, System.Globalization.CultureInfo.InvariantCulture) > 1 << 20, $"memory {memory}");
            Assert.Equal("1", await QueryUntilAsync(http, "up{job=\"carve\"}", v => v == "1", prometheus));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            Console.WriteLine((await log)[^Math.Min(3000, (await log).Length)..]);
        }

        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var scrape = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        scrape.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var exposition = await scrape.GetStringAsync("/metrics");
        // QEMU's own process I/O, read from /proc while the VM runs.
        Assert.Matches("carve_guest_disk_read_bytes_total\\{guest=\"scraped\",id=\"[0-9]+\",kind=\"vm\"\\} [0-9]", exposition);
        var check = await Processes.RunAsync("promtool", ["check", "metrics"], exposition);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
    }

    /// <summary>Asks Prometheus's HTTP API for an instant vector until its first value passes; returns that value.</summary>
    private static async Task<string?> QueryUntilAsync(HttpClient http, string query, Func<string?, bool> done, Process prometheus)
    {
        var deadline = DateTime.UtcNow + Patience;
        string? value = null;
        while (DateTime.UtcNow < deadline && !prometheus.HasExited)
        {
            try
            {
                using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query)));
                var result = doc.RootElement.GetProperty("data").GetProperty("result");
                value = result.GetArrayLength() > 0 ? result[0].GetProperty("value")[1].GetString() : null;
                if (done(value))
                    return value;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(500);
        }
        Assert.Fail($"Prometheus gave {value ?? "nothing"} for {query} (it {(prometheus.HasExited ? "exited" : "still runs")}).");
        return null;
    }
}
