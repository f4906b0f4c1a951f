namespace Carve.Host.Processes;

/// <summary>A host program could not be started at all (missing, not executable): a host problem, said plainly.</summary>
public sealed class ProgramNotStartedException(string message, Exception inner) : IOException(message, inner);
