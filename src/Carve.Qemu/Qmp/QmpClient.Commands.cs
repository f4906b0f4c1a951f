using System.Text.Json.Nodes;
namespace Carve.Qemu.Qmp;

/// <summary>One typed method per QMP command Carve uses.</summary>
public sealed partial class QmpClient
{
    public async Task<QmpStatus> QueryStatusAsync(CancellationToken cancellationToken) =>
        QmpJson.ParseStatus(await ExecuteAsync("query-status", null, cancellationToken));

    public async Task<QmpKvmInfo> QueryKvmAsync(CancellationToken cancellationToken) =>
        QmpJson.ParseKvm(await ExecuteAsync("query-kvm", null, cancellationToken));

    /// <summary>Presses the ACPI power button; the guest decides whether and when to shut down.</summary>
    public Task SystemPowerdownAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("system_powerdown", null, cancellationToken);

    public Task SystemResetAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("system_reset", null, cancellationToken);

    /// <summary>Ends QEMU at once (like pulling the plug). Succeeds even when QEMU exits before it replies.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("quit", null, cancellationToken);
        }
        catch (QmpDisconnectedException)
        {
            // QEMU exiting is what was asked for.
        }
    }

    /// <summary>Pauses the vCPUs.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => ExecuteAsync("stop", null, cancellationToken);

    /// <summary>Resumes the vCPUs (also starts a guest launched with <c>-S</c>).</summary>
    public Task ContAsync(CancellationToken cancellationToken) => ExecuteAsync("cont", null, cancellationToken);

    /// <summary>Grows (or shrinks) a disk while the guest runs.</summary>
    /// <param name="nodeOrDeviceName">A <c>-drive id=</c> (the QemuDisk id) or a block node name.</param>
    public Task BlockResizeAsync(string nodeOrDeviceName, long sizeBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeOrDeviceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        // QEMU looks the name up as a device first, then as a node name, so one call serves both.
        var arguments = new JsonObject
        {
            ["device"] = nodeOrDeviceName,
            ["node-name"] = nodeOrDeviceName,
            ["size"] = sizeBytes,
        };
        return ExecuteAsync("block_resize", arguments, cancellationToken);
    }

    public async Task<IReadOnlyList<QmpBlockDevice>> QueryBlockAsync(CancellationToken cancellationToken) =>
        QmpJson.ParseArray(await ExecuteAsync("query-block", null, cancellationToken), QmpJson.ParseBlockDevice);

    /// <summary>The vCPUs and their host thread ids, for pinning.</summary>
    public async Task<IReadOnlyList<QmpCpu>> QueryCpusFastAsync(CancellationToken cancellationToken) =>
        QmpJson.ParseArray(await ExecuteAsync("query-cpus-fast", null, cancellationToken), QmpJson.ParseCpu);

    /// <summary>Runs a human monitor (HMP) command and returns what it printed.</summary>
    public async Task<string> HumanMonitorCommandAsync(string commandLine, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandLine);
        var arguments = new JsonObject { ["command-line"] = commandLine };
        var result = await ExecuteAsync("human-monitor-command", arguments, cancellationToken);
        return result.ValueKind == System.Text.Json.JsonValueKind.String ? result.GetString() ?? "" : "";
    }
}
