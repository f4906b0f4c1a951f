using Carve.Contracts.Guests;

namespace Carve.Core.Commands;

/// <summary>Start, stop, shut down, reboot or delete a guest of <paramref name="Kind"/>, as an endpoint asks for it.</summary>
public sealed record LifecycleCommand(string Reference, GuestKind Kind, LifecycleAction Action, string User)
{
    /// <summary>Delete even though it runs (stopping it first).</summary>
    public bool Force { get; init; }
    /// <summary>For shutdown and reboot: how long the guest OS gets before a hard stop.</summary>
    public TimeSpan? Timeout { get; init; }
}
