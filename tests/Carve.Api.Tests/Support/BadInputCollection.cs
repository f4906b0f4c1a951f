namespace Carve.Api.Tests.Support;

/// <summary>The bad-input classes run one after another on one daemon, which must stay empty throughout.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "bad input";
}
