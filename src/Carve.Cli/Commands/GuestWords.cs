using Carve.Client;

namespace Carve.Cli.Commands;

/// <summary>How messages name each kind of guest, so VM and container commands share one implementation.</summary>
internal static class GuestWords
{
    /// <summary>Mid-sentence: "Start a VM.", "Start a container."</summary>
    public static string Noun(this GuestKind kind) => kind == GuestKind.Vm ? "VM" : "container";

    /// <summary>At the start of a sentence: "VM web1 started.", "Container c1 started."</summary>
    public static string Title(this GuestKind kind) => kind == GuestKind.Vm ? "VM" : "Container";
}
