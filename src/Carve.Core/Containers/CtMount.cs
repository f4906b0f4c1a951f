namespace Carve.Core.Containers;

public sealed record CtMount(string HostPath, string GuestPath, bool ReadOnly);
