namespace Carve.Core.Errors;

/// <summary>A host tool or the guest failed: not the user's input, not a bug. Reported as the task's error.</summary>
public sealed class OperationFailedException(string message, Exception? inner = null) : CarveException(500, message, inner);
