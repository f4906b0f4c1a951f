namespace Carve.Load;

/// <summary>carved's resident memory <see cref="At"/> this long after the load began.</summary>
public sealed record RssSample(TimeSpan At, double MiB);
