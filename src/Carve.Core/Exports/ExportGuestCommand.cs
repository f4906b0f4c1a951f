using Carve.Contracts.Guests;

namespace Carve.Core.Exports;

/// <summary>Export the stopped guest of <paramref name="Kind"/> named by <paramref name="Reference"/>; a null format takes the kind's only one.</summary>
public sealed record ExportGuestCommand(string Reference, GuestKind Kind, string? Format, string User);
