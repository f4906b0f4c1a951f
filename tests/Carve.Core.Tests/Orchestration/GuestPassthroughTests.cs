using Carve.Contracts.Guests;
using Carve.Core.Commands;
using Carve.Core.Guests;
using Carve.Core.Hardware;
using Carve.Core.Tests.Support;

namespace Carve.Core.Tests.Orchestration;

/// <summary>
/// PCI devices around a start, on a writable copy of a sysfs fixture. The copy has no kernel behind it, so a
/// bind never takes: that is the path where the start must not reach the driver and the devices go back.
/// </summary>
public sealed class GuestPassthroughTests : IDisposable
{
    private readonly CoreHarness _h = new(sysfs: SysfsFixture.Xeon);

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_start_whose_device_does_not_bind_never_reaches_the_driver_and_the_device_goes_back()
    {
        var gpu = WithDevices(_h.Guest("gpu"), "0000:01:00.0");

        var error = await _h.Failed(Start("gpu"));

        Assert.Equal("Could not hand 0000:01:00.0 to vfio-pci: 0000:01:00.0 did not bind to vfio-pci (it has nouveau).", error);
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Get<PciAssignmentStore>().List());
        Assert.Null(_h.Reread(gpu).Lock);
    }

    [Fact]
    public async Task A_start_asking_for_the_hosts_own_disk_controller_is_refused_before_the_driver()
    {
        WithDevices(_h.Guest("nas"), "0000:00:17.0");

        var error = await _h.Failed(Start("nas"));

        Assert.Equal("0000:00:17.0 cannot be passed through: It is the disk controller holding the host's root file system.", error);
        Assert.Empty(_h.Vm.Calls);
    }

    private GuestRecord WithDevices(GuestRecord guest, params string[] addresses)
    {
        _h.Guests.UpdateConfig(guest.Id, guest.Config.WithSpecOf(new { hostPci = addresses.Select(a => new { address = a }).ToArray() }));
        return _h.Reread(guest);
    }

    private Contracts.Tasks.TaskView Start(string guest) =>
        _h.Lifecycle.Submit(new LifecycleCommand(guest, GuestKind.Vm, LifecycleAction.Start, "tester"));
}
