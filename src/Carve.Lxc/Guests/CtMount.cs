namespace Carve.Lxc.Guests;

public sealed record CtMount(string HostPath, string GuestPath, bool ReadOnly);
