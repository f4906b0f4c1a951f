using Carve.Core.Tasks;
using Xunit.Abstractions;

namespace Carve.Lxc.Tests.Support;

/// <summary>Collects what an operation tells its task, and echoes it to the test output when given one.</summary>
internal sealed class RecordingTaskContext(ITestOutputHelper? output = null) : ITaskContext
{
    private readonly Lock _lock = new();

    public string TaskId => "test";
    public List<string> Lines { get; } = [];
    public List<int> ProgressValues { get; } = [];

    public void Log(string text)
    {
        lock (_lock)
            Lines.Add(text);
        try
        {
            output?.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // The test already finished.
        }
    }

    public void Progress(int percent)
    {
        lock (_lock)
            ProgressValues.Add(percent);
    }
}
