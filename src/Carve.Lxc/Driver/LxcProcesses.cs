namespace Carve.Lxc.Driver;

/// <summary>A running container as seen from the host: its LXC monitor and, once started, its init.</summary>
public sealed record LxcProcesses(int MonitorPid, int? InitPid);
