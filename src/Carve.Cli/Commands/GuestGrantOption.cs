using System.CommandLine;

namespace Carve.Cli.Commands;

/// <summary>--guest NAME,...: the guests a user or token is limited to (without it, every guest).</summary>
internal static class GuestGrantOption
{
    public static Option<string> Create(string who) =>
        new("--guest") { Description = $"Limit the {who} to these guests (names, comma-separated); without it, every guest", HelpName = "NAME,..." };

    public static IReadOnlyList<string>? Names(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The GUESTS column: the names, or "all".</summary>
    public static string Text(IReadOnlyList<string>? guests) => guests is { } names ? string.Join(",", names) : "all";
}
