namespace Carve.Qemu.Qmp;

/// <summary>Result of <c>query-status</c>.</summary>
/// <param name="Status">QEMU's run state: running, paused, prelaunch, shutdown, guest-panicked, ...</param>
/// <param name="Running">True while the vCPUs run.</param>
public sealed record QmpStatus(string Status, bool Running);
