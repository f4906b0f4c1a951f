namespace Carve.Api.Tests.Support;

/// <summary>One bad request for one operation: a path (with any query) and a body made fresh for each send.</summary>
/// <param name="FoldsTo">For a dot segment (.., %2e%2e): the path it folds to by RFC 3986, which routing sees instead.</param>
public sealed record FuzzCase(string Name, string Path, Func<HttpContent?> Body, string? FoldsTo = null);
