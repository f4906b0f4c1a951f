namespace Carve.Contracts.Containers;

public static class ExecChannels
{
    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Exit = 3;
}
