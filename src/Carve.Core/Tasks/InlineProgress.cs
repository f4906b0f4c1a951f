namespace Carve.Core.Tasks;

/// <summary>Reports on the caller's thread, in order; <see cref="Progress{T}"/> would post to the thread pool and reorder.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
