namespace Carve.Lxc.Tests.RealLxc;

internal sealed record ExecResult(int ExitCode, string Stdout, string Stderr);
