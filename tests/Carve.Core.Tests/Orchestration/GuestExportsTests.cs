using Carve.Contracts.Guests;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Exports;

namespace Carve.Core.Tests.Orchestration;

/// <summary>Exports through GuestExports: checked before any task, written into the export store, and gone without a trace when they fail.</summary>
public sealed class GuestExportsTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void An_unknown_format_is_refused_before_the_guest_is_looked_at_or_a_task_made()
    {
        _h.Guest("web");

        var e = Assert.Throws<BadRequestException>(() => Export("web", "ova"));

        Assert.Equal("Invalid export format 'ova': use one of qcow2, raw.", e.Message);
        Assert.Empty(_h.Vm.Calls);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public void A_running_guest_is_not_exported()
    {
        _h.Guest("web", running: true);

        var e = Assert.Throws<ConflictException>(() => Export("web"));

        Assert.Equal("vm web (100) is running; shut it down first, so that what is exported is consistent.", e.Message);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public void A_guest_its_exporter_refuses_is_refused_before_a_task()
    {
        _h.Guest("web");
        _h.Vm.Fail("check-export", new ConflictException("vm web (100) has no disks to export."));

        var e = Assert.Throws<ConflictException>(() => Export("web"));

        Assert.Equal("vm web (100) has no disks to export.", e.Message);
        Assert.Empty(_h.Tasks.List());
    }

    [Fact]
    public async Task An_export_without_a_format_takes_the_kinds_first_and_is_listed_whole()
    {
        _h.Guest("web");

        var task = Export("web");
        await _h.Succeeded(task);

        var export = Assert.Single(_h.ExportStore.List());
        Assert.Equal((task.Id, "web", "qcow2"), (export.Id, export.Vm, export.Format));
        Assert.Equal(["web.qcow2"], export.Files.Select(f => f.Name));
        Assert.Equal(["check-export web", "export web qcow2"], _h.Vm.Calls);
        Assert.Equal("vm-export", task.Type);
        Assert.Equal([task.Id], ExportEntries());
    }

    [Fact]
    public async Task A_container_is_exported_by_its_own_kinds_exporter()
    {
        _h.Guest("box", GuestKind.Ct);

        var task = _h.Exports.Submit(new ExportGuestCommand("box", GuestKind.Ct, "raw", "tester"));
        await _h.Succeeded(task);

        Assert.Equal(["check-export box", "export box raw"], _h.Ct.Calls);
        Assert.Empty(_h.Vm.Calls);
        Assert.Equal("ct-export", task.Type);
    }

    [Fact]
    public async Task A_failed_export_leaves_no_export_directory_behind()
    {
        var web = _h.Guest("web");
        _h.Vm.Fail("export", new OperationFailedException("qemu-img convert failed."));

        var error = await _h.Failed(Export("web", "raw"));

        Assert.Equal("qemu-img convert failed.", error);
        Assert.Empty(ExportEntries());
        Assert.Empty(_h.ExportStore.List());
        Assert.Null(_h.Reread(web).Lock);
    }

    [Fact]
    public async Task A_guest_started_before_the_task_took_its_lock_is_refused_under_the_lock()
    {
        var web = _h.Guest("web");
        // The start slips in after the check before the task (the exporter's own check is the last step there).
        _h.Vm.OnCall("check-export", () => _h.Vm.MarkRunning(web));

        var error = await _h.Failed(Export("web"));

        Assert.Equal("vm web (100) is running; shut it down first, so that what is exported is consistent.", error);
        Assert.Equal(["check-export web"], _h.Vm.Calls);
        Assert.Empty(ExportEntries());
    }

    [Fact]
    public async Task A_half_made_export_of_a_task_that_no_longer_runs_is_removed_by_the_next_export()
    {
        _h.Guest("web");
        var abandoned = Path.Combine(_h.ExportStore.Root, "t0123456789abcde.part");
        Directory.CreateDirectory(abandoned);
        await File.WriteAllTextAsync(Path.Combine(abandoned, "web.qcow2"), "half");

        await _h.Succeeded(Export("web"));

        Assert.False(Directory.Exists(abandoned));
        Assert.Single(_h.ExportStore.List());
    }

    /// <summary>What is in the export store's directory, finished or half made.</summary>
    private string[] ExportEntries() =>
        Directory.Exists(_h.ExportStore.Root) ? Directory.GetFileSystemEntries(_h.ExportStore.Root).Select(p => Path.GetFileName(p)).ToArray() : [];

    private TaskView Export(string guest, string? format = null) =>
        _h.Exports.Submit(new ExportGuestCommand(guest, GuestKind.Vm, format, "tester"));
}
