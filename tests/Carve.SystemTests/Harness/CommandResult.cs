namespace Carve.SystemTests.Harness;

public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public CommandResult EnsureSuccess()
    {
        if (ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"command failed with {ExitCode}:\nstdout: {Stdout}\nstderr: {Stderr}");
        return this;
    }
}
