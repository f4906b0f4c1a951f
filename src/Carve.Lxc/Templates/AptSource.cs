namespace Carve.Lxc.Templates;

/// <summary>One "deb" source of the host's apt configuration.</summary>
public sealed record AptSource(string Uri, IReadOnlyList<string> Suites);
