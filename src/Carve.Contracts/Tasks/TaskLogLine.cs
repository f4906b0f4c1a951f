namespace Carve.Contracts.Tasks;

public sealed record TaskLogLine(DateTimeOffset Time, string Text);
