using Carve.Contracts.Vms;

namespace Carve.Core.Commands;

public sealed record SetVmCommand(string Reference, SetVmRequest Request, string User);
