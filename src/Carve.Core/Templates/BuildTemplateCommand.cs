using Carve.Contracts.Containers;

namespace Carve.Core.Templates;

/// <summary>Build a container template from a distribution's mirror.</summary>
public sealed record BuildTemplateCommand(BuildTemplateRequest Request, string User);
