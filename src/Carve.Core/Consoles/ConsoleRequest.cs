using Carve.Contracts.Guests;

namespace Carve.Core.Consoles;

/// <summary>Open <paramref name="Channel"/> (serial, vnc, console, exec) of the guest of <paramref name="Kind"/> named by <paramref name="Reference"/>.</summary>
public sealed record ConsoleRequest(string Reference, GuestKind Kind, string Channel);
