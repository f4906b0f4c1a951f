using Carve.Contracts.Guests;

namespace Carve.Cli.Commands;

/// <summary>How messages name each kind of guest (mid-sentence: its <see cref="GuestKind.Noun"/>), so VM and container commands share one implementation.</summary>
internal static class GuestWords
{
    /// <summary>At the start of a sentence: "VM web1 started.", "Container c1 started."</summary>
    public static string Title(this GuestKind kind) => char.ToUpperInvariant(kind.Noun[0]) + kind.Noun[1..];
}
