using System.Text;
using Carve.Contracts.Consoles;
using Carve.Contracts.Guests;
using Carve.Core.Consoles;
using Carve.Core.Errors;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Consoles through GuestConsoles: the channels a kind's definition names, streams from its driver, a screen only where the kind has one.</summary>
public sealed class GuestConsolesTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_channel_the_kinds_definition_lacks_is_refused_naming_the_ones_it_has()
    {
        _h.Guest("box", GuestKind.Ct, running: true);

        var e = Assert.Throws<BadRequestException>(() => _h.Consoles.Resolve(new ConsoleRequest("box", GuestKind.Ct, ConsoleChannels.Serial)));

        Assert.Equal("ct box (100) has no 'serial' console; a container has console and exec.", e.Message);
        Assert.Empty(_h.Ct.Calls);
    }

    [Fact]
    public void A_channel_the_kind_has_resolves_to_the_guest()
    {
        var web = _h.Guest("web");

        var resolved = _h.Consoles.Resolve(new ConsoleRequest("web", GuestKind.Vm, ConsoleChannels.Vnc));

        Assert.Equal(web.Id, resolved.Id);
    }

    [Fact]
    public void A_console_request_naming_a_guest_of_another_kind_is_not_found()
    {
        _h.Guest("box", GuestKind.Ct);

        var e = Assert.Throws<NotFoundException>(() => _h.Consoles.Resolve(new ConsoleRequest("box", GuestKind.Vm, ConsoleChannels.Serial)));

        Assert.Equal("'box' is a container, not a VM.", e.Message);
    }

    [Fact]
    public async Task Commands_run_only_inside_a_running_guest()
    {
        var stopped = _h.Guest("box", GuestKind.Ct);
        var running = _h.Guest("db", GuestKind.Ct, running: true);

        var e = Assert.Throws<ConflictException>(() => _h.Consoles.RequireRunning(stopped));
        _h.Consoles.RequireRunning(running);
        await using var process = await _h.Consoles.ExecAsync(running, ["ls", "-l"], null, CancellationToken.None);

        Assert.Equal("ct box (100) is not running.", e.Message);
        Assert.Equal(0, await process.WaitForExitAsync(CancellationToken.None));
        Assert.Equal(["exec db ls -l"], _h.Ct.Calls);
    }

    [Fact]
    public async Task The_screen_comes_from_the_kinds_display_and_the_serial_port_from_its_console()
    {
        var web = _h.Guest("web", running: true);

        await using (await _h.Consoles.OpenAsync(web, ConsoleChannels.Vnc, CancellationToken.None))
        await using (await _h.Consoles.OpenAsync(web, ConsoleChannels.Serial, CancellationToken.None))
        {
            Assert.Equal(["display web", "attach web"], _h.Vm.Calls);
        }
    }

    [Fact]
    public async Task A_screen_of_a_kind_without_a_display_is_refused()
    {
        var box = _h.Guest("box", GuestKind.Ct, running: true);

        var e = await Assert.ThrowsAsync<BadRequestException>(() => _h.Consoles.OpenAsync(box, ConsoleChannels.Vnc, CancellationToken.None));

        Assert.Equal("ct box (100) has no graphical screen.", e.Message);
        Assert.Empty(_h.Ct.Calls);
    }

    [Fact]
    public async Task The_console_log_is_read_from_the_guests_own_driver()
    {
        var box = _h.Guest("box", GuestKind.Ct);

        var log = await _h.Consoles.ReadLogAsync(box, CancellationToken.None);

        Assert.Equal("console of box", Encoding.UTF8.GetString(log));
        Assert.Equal(["log box"], _h.Ct.Calls);
        Assert.Empty(_h.Vm.Calls);
    }
}
