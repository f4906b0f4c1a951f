namespace Carve.Load;

/// <summary>carved accepted the task, and the task then failed.</summary>
public sealed class TaskFailedException(string message) : Exception(message);
