namespace Carve.Lxc.Config;

/// <summary>A host path bind-mounted into the container; <see cref="GuestPath"/> is absolute inside the container.</summary>
public sealed record LxcBindMount(string HostPath, string GuestPath, bool ReadOnly, bool IsFile = false);
