namespace Carve.Lxc.Tests.RealLxc;

/// <summary>Real containers, one test at a time: timing and OOM checks must not compete for the two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LxcCollection
{
    public const string Name = "lxc";
}
