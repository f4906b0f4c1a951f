using System.Text.Json;
using System.Text.RegularExpressions;
using Carve.SystemTests.Harness;
using Carve.Web.Tests.Support;
using Microsoft.Playwright;

namespace Carve.Web.Tests;

/// <summary>The Hardware page and the VM's PCI device picker, checked against what the API says about this machine.</summary>
public sealed class HardwareTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_hardware_page_shows_the_check_report_and_this_machines_pci_devices_by_group()
    {
        var page = await web.LoggedInPageAsync();
        // The kvm finding changes once carved's KVM probe has run (a nested KVM that hangs takes seconds to time out):
        // the page and the API must be read after that, or they may tell two moments apart.
        await WaitForKvmProbeAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Hardware", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hardware", Exact = true })).ToBeVisibleAsync();

        var report = await WebPages.ApiAsync(page, "/host/check");
        await Assertions.Expect(page.GetByTestId("check-verdict")).ToHaveTextAsync($"Overall: {Upper(report, "verdict")}");
        var findings = report.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        await Assertions.Expect(page.Locator("tr[data-check]")).ToHaveCountAsync(findings.Count);
        foreach (var f in findings)
        {
            var row = page.Locator($"tr[data-check='{Text(f, "check")}']");
            var fix = Optional(f, "fix") ?? "-";
            foreach (var cell in new[] { Upper(f, "verdict"), Text(f, "detail"), fix })
                await Assertions.Expect(row).ToContainTextAsync(cell);
        }

        var devices = (await WebPages.ApiAsync(page, "/host/pci")).EnumerateArray().ToList();
        Assert.NotEmpty(devices);
        // Every machine has devices the host keeps (at least its host bridge): they must say why.
        Assert.Contains(devices, d => !d.GetProperty("passthrough").GetBoolean());
        await Assertions.Expect(page.Locator(".pci-group tr[data-address]")).ToHaveCountAsync(devices.Count);
        foreach (var d in devices)
        {
            var (group, title) = GroupOf(d);
            var section = page.Locator($"section.pci-group[data-group='{group}']");
            await Assertions.Expect(section.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
            var row = section.Locator($"tr[data-address='{Text(d, "address")}']");
            foreach (var cell in new[] { "vendor", "device", "class", "id" })
                await Assertions.Expect(row).ToContainTextAsync(Text(d, cell));
            await Assertions.Expect(row).ToContainTextAsync(Optional(d, "driver") ?? "none");
            await Assertions.Expect(row.GetByTestId("passthrough")).ToHaveTextAsync(
                new Regex("^" + (d.GetProperty("passthrough").GetBoolean() ? "yes" : "no")));
            await Assertions.Expect(row.GetByTestId("reason")).ToHaveTextAsync(Text(d, "reason"));
        }

        var usb = (await WebPages.ApiAsync(page, "/host/usb")).EnumerateArray().ToList();
        if (usb.Count == 0)
            await Assertions.Expect(page.GetByTestId("no-usb")).ToBeVisibleAsync();
        foreach (var u in usb)
            await Assertions.Expect(page.Locator($"tr[data-port='{Text(u, "port")}']")).ToContainTextAsync(Text(u, "id"));

        // The fixture's daemon reserves 2 GiB for the host; the page shows it and what running guests hold.
        var resources = (await WebPages.ApiAsync(page, "/host")).GetProperty("resources");
        Assert.Equal(2L << 30, resources.GetProperty("reservedMemoryBytes").GetInt64());
        var facts = page.GetByTestId("resources");
        await Assertions.Expect(facts).ToContainTextAsync("Reserved memory2.0 GiB");
        await Assertions.Expect(facts).ToContainTextAsync(
            $"Running guests{resources.GetProperty("runningGuests").GetInt32()}, holding {resources.GetProperty("committedCpus").GetInt32()} vCPUs");
        await Assertions.Expect(page.GetByRole(AriaRole.Meter, new() { Name = "Guest memory", Exact = true })).ToBeVisibleAsync();
        await WebFixture.ScreenshotAsync(page, "hardware", fullPage: true);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_hardware_page_fits_a_phone_screen()
    {
        var page = await web.LoggedInPageAsync(width: 390, height: 844);
        await page.GotoAsync("/#/hardware");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "PCI devices", Exact = true })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a phone's screen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_vm_settings_list_pci_devices_by_group_with_ineligible_ones_disabled_and_save_the_choice()
    {
        var page = await web.LoggedInPageAsync();
        var devices = (await WebPages.ApiAsync(page, "/host/pci")).EnumerateArray().ToList();
        var kept = Text(devices.First(d => !d.GetProperty("passthrough").GetBoolean()), "address");
        // A device the VM already has (set through the CLI) stays changeable even though the host cannot give it.
        (await web.Daemon.CreateDirectBootVmAsync("pci-pick")).EnsureSuccess();
        (await web.Daemon.CarveAsync("vm", "set", "pci-pick", "--hostpci", kept)).EnsureSuccess();

        await page.GotoAsync("/#/guests/vm/pci-pick");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VM pci-pick" })).ToBeVisibleAsync();
        var picker = page.GetByRole(AriaRole.Group, new() { Name = "Host PCI devices", Exact = true });
        await Assertions.Expect(picker.Locator(".pci-choice")).ToHaveCountAsync(devices.Count);
        foreach (var d in devices)
        {
            var (group, title) = GroupOf(d);
            var fieldset = picker.Locator($"fieldset.pci-group[data-group='{group}']");
            await Assertions.Expect(fieldset.Locator("legend")).ToHaveTextAsync(new Regex("^" + Regex.Escape(title) + "( |$)"));
            var address = Text(d, "address");
            var box = fieldset.GetByRole(AriaRole.Checkbox, new() { Name = address });
            var members = d.TryGetProperty("groupMembers", out var m) ? m.EnumerateArray().Select(a => a.GetString()!).ToList() : [];
            await Assertions.Expect(box).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(Text(d, "reason"))
                + (members.Count > 0 ? ".*" + Regex.Escape(string.Join(", ", members)) : "")));
            if (address == kept)
            {
                await Assertions.Expect(box).ToBeCheckedAsync();
                await Assertions.Expect(box).ToBeEnabledAsync();
            }
            else if (d.GetProperty("passthrough").GetBoolean())
                await Assertions.Expect(box).ToBeEnabledAsync();
            else
                await Assertions.Expect(box).ToBeDisabledAsync();
        }

        await picker.GetByRole(AriaRole.Checkbox, new() { Name = kept }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("form.edit").GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var vm = await WebPages.ApiAsync(page, "/vms/pci-pick");
        Assert.Equal(0, vm.GetProperty("config").GetProperty("hostPci").GetArrayLength());
        await page.Context.CloseAsync();
    }

    private static async Task WaitForKvmProbeAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var kvm = (await WebPages.ApiAsync(page, "/host/check")).GetProperty("findings").EnumerateArray()
                .First(f => f.GetProperty("check").GetString() == "kvm");
            if (!kvm.GetProperty("detail").GetString()!.Contains("still running", StringComparison.Ordinal))
                return;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException("carved's KVM probe did not finish within 60 s.");
            await Task.Delay(500);
        }
    }

    private static (string Group, string Title) GroupOf(JsonElement device) =>
        device.TryGetProperty("iommuGroup", out var g) && g.ValueKind == JsonValueKind.Number
            ? (g.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), $"IOMMU group {g.GetInt32()}")
            : ("none", "No IOMMU group");

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    /// <summary>The API leaves out null fields.</summary>
    private static string? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Upper(JsonElement e, string name) => Text(e, name).ToUpperInvariant();
}
