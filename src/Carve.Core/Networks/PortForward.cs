namespace Carve.Core.Networks;

/// <summary>A published port with the guest address it goes to.</summary>
public sealed record PortForward(string Protocol, int HostPort, string GuestIp, int GuestPort);
