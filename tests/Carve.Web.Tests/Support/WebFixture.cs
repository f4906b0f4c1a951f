using System.Net;
using System.Net.Sockets;
using Carve.SystemTests.Harness;
using Microsoft.Playwright;

namespace Carve.Web.Tests.Support;

/// <summary>
/// A real out/carved serving the built web UI over HTTPS on a free local port, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser: it is pointed at /usr/bin/chromium.
/// </summary>
public class WebFixture : IAsyncLifetime
{
    private readonly bool _ownNetworkNamespace;
    private IPlaywright? _playwright;
    private System.Diagnostics.Process? _relay;

    public WebFixture()
        : this(ownNetworkNamespace: false)
    {
    }

    /// <param name="ownNetworkNamespace">
    /// Run carved in a network namespace of the fixture's own, for tests whose guests' networks would otherwise put
    /// bridges, dnsmasq and nft tables on the host: deleting the namespace removes them all. Chromium stays outside
    /// and reaches carved's port through a relay: inside, the bridges and veths that come and go would make it drop
    /// its requests with ERR_NETWORK_CHANGED.
    /// </param>
    protected WebFixture(bool ownNetworkNamespace) => _ownNetworkNamespace = ownNetworkNamespace;

    /// <summary>The namespace carved runs in, or null for the host's.</summary>
    public NetworkNamespace? Namespace { get; private set; }

    public DaemonProcess Daemon { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string AdminPassword => File.ReadAllText(Path.Combine(Daemon.DataDir, "admin-password")).Trim();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        if (_ownNetworkNamespace)
            Namespace = await NetworkNamespace.CreateAsync();
        // A host reservation as a user would set one, so the pages show admission control's numbers (no core: 2 here).
        Daemon = await DaemonProcess.StartAsync(Namespace, listen: $"127.0.0.1:{port}",
            extraConfig: new Dictionary<string, object> { ["reserved"] = new { memory = "2GiB" } });
        BaseUrl = $"https://127.0.0.1:{port}";
        if (Namespace is not null)
            _relay = await RelayIntoNamespaceAsync(port);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CARVE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on the daemon's self-signed HTTPS.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, IgnoreHTTPSErrors = true, ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the login form as admin; the page ends on the dashboard.</summary>
    public async Task<IPage> LoggedInPageAsync(int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Exact = true })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Saves a screenshot (of the whole page if asked) to $CARVE_SCREENSHOTS (docs/screenshots when making the README's pictures), if set.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("CARVE_SCREENSHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = fullPage });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Daemon is not null)
        {
            // Containers, unlike VMs, are not stopped by the harness: a failed test must not leave one running.
            // A namespace's networks go with their guests, and their dnsmasq processes (which outlive carved) with them.
            if (Namespace is not null)
                await NetworkChecks.CleanUpAsync(Daemon);
            var guests = Json.Parse(await Daemon.CarveAsync("list", "-o", "json"));
            foreach (var ct in guests.EnumerateArray().Where(g => g.GetProperty("type").GetString() == "ct"))
                await Daemon.CarveAsync("ct", "delete", ct.GetProperty("name").GetString()!, "--force");
            await Daemon.DisposeAsync();
        }
        if (Namespace is not null)
            await Namespace.DisposeAsync();
        if (_relay is not null)
        {
            _relay.Kill(entireProcessTree: true);
            await _relay.WaitForExitAsync();
            _relay.Dispose();
        }
    }

    /// <summary>
    /// socat on the host's 127.0.0.1:PORT, each connection handed to a socat inside the namespace that connects to
    /// carved on the same port there (so the browser's Origin is the one carved serves). Returns once it listens.
    /// </summary>
    private async Task<System.Diagnostics.Process> RelayIntoNamespaceAsync(int port)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("socat") { RedirectStandardError = true };
        psi.ArgumentList.Add($"TCP4-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork");
        psi.ArgumentList.Add($"EXEC:ip netns exec {Namespace!.Name} socat STDIO TCP4\\:127.0.0.1\\:{port}");
        var relay = System.Diagnostics.Process.Start(psi)!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return relay;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        relay.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"socat did not listen on {port}: {await relay.StandardError.ReadToEndAsync()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
