namespace Carve.Web.Tests.Support;

/// <summary>As <see cref="WebFixture"/>, with carved and Chromium in a network namespace of the fixture's own.</summary>
public sealed class NetworkWebFixture() : WebFixture(ownNetworkNamespace: true);
