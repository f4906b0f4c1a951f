using System.Text.RegularExpressions;
using Carve.Contracts.Tasks;
using Carve.Core.Errors;
using Carve.Core.Tasks;
using Carve.Core.Validation;

namespace Carve.Core.Templates;

/// <summary>Builds container templates as tasks; the template store does the work.</summary>
public sealed partial class TemplateBuilds(ITemplateStore templates, TaskRunner tasks)
{
    [GeneratedRegex(@"^[a-z]{2,20}\z")]
    private static partial Regex Suite();

    public TaskView Submit(BuildTemplateCommand command)
    {
        var request = command.Request;
        if (request.Distribution != "debian")
            throw new BadRequestException($"Carve builds only debian templates; '{Names.Printable(request.Distribution)}' is unknown.");
        if (!Suite().IsMatch(request.Suite))
            throw new BadRequestException($"Invalid Debian suite '{Names.Printable(request.Suite)}' (e.g. bookworm, trixie).");
        return tasks.Submit(new TaskRequest
        {
            Type = "template-build",
            User = command.User,
            Work = (task, ct) => templates.BuildAsync(request, task, ct),
        });
    }
}
