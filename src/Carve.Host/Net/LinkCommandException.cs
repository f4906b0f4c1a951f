namespace Carve.Host.Net;

/// <summary>An ip, bridge or nft command failed; the message holds the command and the tool's own words.</summary>
public sealed class LinkCommandException(string message) : Exception(message);
