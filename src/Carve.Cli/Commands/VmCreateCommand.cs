using System.CommandLine;
using Carve.Cli.Infrastructure;
using Carve.Cli.Specs;
using Carve.Cli.Tasks;
using Carve.Contracts.Vms;

namespace Carve.Cli.Commands;

/// <summary>carve vm create NAME [...]: turns the flags into a CreateVmRequest, with every path made absolute.</summary>
internal static class VmCreateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("NAME") { Description = "Name of the new VM: lowercase letters, digits and '-'" };
        var cpus = IntOption.Create("--cpus", "Virtual CPUs (default 1)", "N");
        var memory = IntOption.Create("--memory", "Memory in MiB (default 512)", "MiB");
        var disks = new Option<string[]>("--disk") { Description = "A disk: size=8G or import=PATH, each with an optional ,pool=P; repeatable", HelpName = "SPEC" };
        var cdrom = new Option<string>("--cdrom") { Description = "An ISO image to attach as CD-ROM", HelpName = "ISO" };
        var kernel = new Option<string>("--kernel") { Description = "Boot this kernel directly", HelpName = "FILE" };
        var initrd = new Option<string>("--initrd") { Description = "Initrd for --kernel", HelpName = "FILE" };
        var cmdline = new Option<string>("--cmdline") { Description = "Kernel command line for --kernel", HelpName = "TEXT" };
        var firmware = new Option<string>("--firmware") { Description = "bios (default) or uefi", HelpName = "bios|uefi" };
        Choices.Restrict(firmware, "bios", "uefi");
        var accel = new Option<string>("--accel") { Description = "auto (default: KVM when it works, else TCG), kvm or tcg", HelpName = "auto|kvm|tcg" };
        Choices.Restrict(accel, "auto", "kvm", "tcg");
        var nics = new Option<string[]>("--nic") { Description = "A NIC: network=NET[,model=virtio|e1000][,mac=M]; repeatable; 'none' for no network", HelpName = "SPEC" };
        var id = IntOption.Create("--id", "Fixed numeric id (100 and up); the next free one when omitted", "N");
        var description = new Option<string>("--description") { Description = "Free text shown by vm show", HelpName = "TEXT" };
        var start = new Option<bool>("--start") { Description = "Start the VM once it is created" };
        var hostPci = HostDeviceOptions.Pci("");
        var hostUsb = HostDeviceOptions.Usb("");

        var command = new Command("create", "Create a VM.") { name, cpus, memory, disks, cdrom, kernel, initrd, cmdline, firmware, accel, nics, id, description, start, hostPci, hostUsb };
        CliAction.Set(command, options, async (context, ct) =>
        {
            var cwd = context.WorkingDirectory;
            var request = new CreateVmRequest
            {
                Name = context.Get(name),
                Id = context.Get(id),
                Disks = [.. (context.Get(disks) ?? []).Select(d => DiskSpecParser.Parse(d, cwd))],
                Cdrom = CliPaths.FromOption("--cdrom", context.Get(cdrom), cwd),
                Kernel = CliPaths.FromOption("--kernel", context.Get(kernel), cwd),
                Initrd = CliPaths.FromOption("--initrd", context.Get(initrd), cwd),
                Cmdline = context.Get(cmdline),
                Nics = NicSpecParser.ParseAll(context.Get(nics)),
                Description = context.Get(description),
                Start = context.Get(start),
                HostPci = HostDeviceSpecParser.ParseAllPci(context.Get(hostPci)),
                HostUsb = HostDeviceSpecParser.ParseAllUsb(context.Get(hostUsb)),
            };
            if (request.Kernel is null && (request.Initrd is not null || request.Cmdline is not null))
                throw new UsageException("--initrd and --cmdline need --kernel.");
            // Flags not given keep CreateVmRequest's own defaults rather than repeating them here.
            if (context.Get(cpus) is { } cpuCount)
                request = request with { Cpus = cpuCount };
            if (context.Get(memory) is { } memoryMiB)
                request = request with { MemoryMiB = memoryMiB };
            if (context.Get(firmware) is { } firmwareKind)
                request = request with { Firmware = firmwareKind };
            if (context.Get(accel) is { } accelKind)
                request = request with { Accel = accelKind };

            var vmName = request.Name;
            var outcome = await TaskRunner.SubmitAsync(
                context,
                (client, token) => client.CreateVmAsync(request, token),
                $"Creating {vmName}",
                request.Start ? $"VM {vmName} created and started." : $"VM {vmName} created.",
                ct);
            return outcome.ExitCode;
        });
        return command;
    }
}
