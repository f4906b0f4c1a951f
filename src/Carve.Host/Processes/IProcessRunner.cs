namespace Carve.Host.Processes;

/// <summary>The one way Carve starts programs, so that everything else can be tested without them.</summary>
public interface IProcessRunner
{
    Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);
}
