using Carve.Client;
using Carve.Contracts.Vms;

namespace Carve.Bench;

internal static class VmFactory
{
    /// <summary>A VM that boots the test guest's kernel directly: no disk, no NIC, so nothing but QEMU is measured.</summary>
    public static CreateVmRequest DirectBoot(string name, string cache) => new()
    {
        Name = name, MemoryMiB = 256,
        Kernel = Path.Combine(cache, "vmlinuz"), Initrd = Path.Combine(cache, "initrd.img"), Cmdline = "console=ttyS0",
        Nics = [],
    };

    public static async Task CreateAsync(CarveClient client, CreateVmRequest request)
    {
        var task = await client.WaitTaskAsync((await client.CreateVmAsync(request, CancellationToken.None)).TaskId, CancellationToken.None);
        if (task.Status != "succeeded")
            throw new InvalidOperationException($"create {request.Name} failed: {task.Error}");
    }
}
