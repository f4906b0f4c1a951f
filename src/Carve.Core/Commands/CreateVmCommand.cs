using Carve.Contracts.Vms;

namespace Carve.Core.Commands;

public sealed record CreateVmCommand(CreateVmRequest Request, string User);
