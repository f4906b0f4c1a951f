namespace Carve.Api.Auth;

/// <summary>Endpoint metadata: the guest is in the body, and the core checks the caller's grant against it.</summary>
public sealed class ChecksGuestGrant;
