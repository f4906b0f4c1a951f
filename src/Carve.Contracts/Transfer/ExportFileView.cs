namespace Carve.Contracts.Transfer;

/// <summary>One file of an export, downloadable at GET /api/v1/exports/{id}/{name}.</summary>
public sealed record ExportFileView(string Name, long SizeBytes);
