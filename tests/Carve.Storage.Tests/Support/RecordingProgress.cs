using System.Collections.Concurrent;

namespace Carve.Storage.Tests.Support;

/// <summary>Keeps every percentage reported, at once (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<int>
{
    public ConcurrentQueue<int> Reports { get; } = new();

    public void Report(int value) => Reports.Enqueue(value);
}
