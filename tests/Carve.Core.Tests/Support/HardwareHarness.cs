using Carve.Contracts.Host;
using Carve.Core.Configuration;
using Carve.Core.Drivers;
using Carve.Core.Guests;
using Carve.Core.Hardware;
using Carve.Core.HostInfo;
using Carve.Core.Resources;
using Carve.Core.Tasks;
using Carve.Host.Hardware;
using Carve.Host.Proc;
using Carve.Host.Sysfs;

namespace Carve.Core.Tests.Support;

/// <summary>The passthrough and admission services over a real SQLite file and a writable copy of a fixture tree.</summary>
internal sealed class HardwareHarness : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly TempDir _tree;

    public HardwareHarness(string tree, long reservedMemoryBytes = 0)
    {
        _tree = SysfsFixture.Copy(tree);
        Fs = new HostFs(_tree.Path);
        Guests = new GuestStore(_db.Db);
        Drivers = Fakes.FakeKinds.Standard(vm: Driver);
        Store = new PciAssignmentStore(_db.Db);
        var options = new CarveOptions { Reserved = new ReservedOptions { Memory = reservedMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        var proc = new ProcFs();
        Ledger = new ResourceLedger(HostReservation.From(options, Environment.ProcessorCount, proc.ReadMemory().Total), proc, Guests, Drivers);
        var pci = new PciScanner(Fs);
        Hardware = new HostHardware(pci, new UsbScanner(Fs), new HostFactsReader(Fs), new HardwareOptions(), new NoHypervisor(), Ledger, Store, Guests, Drivers);
        Passthrough = new PciPassthrough(new VfioBinder(Fs), pci, Hardware, Store, Guests, Drivers);
    }

    public HostFs Fs { get; }
    public GuestStore Guests { get; }
    public Fakes.RunningSetDriver Driver { get; } = new();
    public GuestDrivers Drivers { get; }
    public PciAssignmentStore Store { get; }
    public ResourceLedger Ledger { get; }
    public PciPassthrough Passthrough { get; }
    public HostHardware Hardware { get; }
    public RecordingTaskContext Task { get; } = new();

    public GuestRecord Vm(string name, int memoryMiB = 512, params string[] hostPci)
    {
        var config = new GuestConfig { MemoryMiB = memoryMiB }.WithSpecOf(new { hostPci = hostPci.Select(a => new { address = a }).ToArray() });
        var guest = Guests.Insert(name, null, Contracts.Guests.GuestKind.Vm, _ => config, "tsetup");
        Guests.ReleaseLock(guest.Id, "tsetup");
        return Guests.Find(guest.Id)!;
    }

    public string Read(string relative) => File.ReadAllText(Fs.PathOf(relative));

    /// <summary>Points a device's driver link elsewhere, as the kernel does when a driver binds it.</summary>
    public void Relink(string address, string driver)
    {
        var link = Fs.PathOf($"sys/bus/pci/devices/{address}/driver");
        File.Delete(link);
        File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(Fs.Resolve($"sys/bus/pci/devices/{address}/vendor"))!, Fs.PathOf($"sys/bus/pci/drivers/{driver}")));
    }

    public void Dispose()
    {
        _tree.Dispose();
        _db.Dispose();
    }

    private sealed class NoHypervisor : IHypervisorFacts
    {
        public string? QemuVersion => null;
        public KvmInfo Kvm => new() { Detail = "not probed in unit tests" };
    }
}

internal sealed class RecordingTaskContext : ITaskContext
{
    public List<string> Lines { get; } = [];
    public string TaskId => "test";
    public void Log(string text) => Lines.Add(text);
    public void Progress(int percent)
    {
    }
}
