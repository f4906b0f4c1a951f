namespace Carve.Core.Tasks;

/// <summary>What a running operation may tell the user: log lines and progress, both persisted.</summary>
public interface ITaskContext
{
    string TaskId { get; }
    void Log(string text);
    /// <summary>0 to 100.</summary>
    void Progress(int percent);
}
