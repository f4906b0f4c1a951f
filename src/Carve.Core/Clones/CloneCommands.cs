namespace Carve.Core.Clones;

/// <summary>Copy guest <paramref name="Source"/> as a new guest <paramref name="Name"/>.</summary>
public sealed record CloneCommand(string Source, string Name, bool Linked, string? Snapshot, string User)
{
    public int? Id { get; init; }
}

/// <summary>Turn a stopped guest into a template.</summary>
public sealed record TemplateCommand(string Guest, Contracts.Guests.GuestKind Kind, string User);
