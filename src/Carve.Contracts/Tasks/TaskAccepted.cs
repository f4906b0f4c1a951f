namespace Carve.Contracts.Tasks;

/// <summary>The 202 body of every state-changing request.</summary>
public sealed record TaskAccepted(string TaskId, string Status);
