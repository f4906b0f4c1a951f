using System.Net;
using System.Text.Json;
using Carve.Client.Errors;
using Carve.Contracts;

namespace Carve.Client.Http;

/// <summary>Reads an error response (problem+json, or whatever a proxy sent instead) into one sentence.</summary>
public static class ProblemMapper
{
    public static async Task<CarveApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            body = "";
        }
        var isJson = IsJson(response);
        var problem = isJson ? ParseProblem(body) : null;
        var sentence = FirstNonBlank(problem?.Detail, problem?.Title) ?? Fallback(response.StatusCode, response.ReasonPhrase, isJson ? "" : body);
        return new CarveApiException(status, sentence.Trim(), problem);
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true;

    private static ProblemView? ParseProblem(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return null;
        try
        {
            return JsonSerializer.Deserialize(body, CarveJson.TypeInfo<ProblemView>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Fallback(HttpStatusCode status, string? reason, string body)
    {
        // A short plain-text body (a proxy's, say) is more telling than the status alone.
        var text = body.Trim();
        if (text.Length is > 0 and <= 200 && !text.Contains('\n') && !text.StartsWith('<'))
            return text;
        return status switch
        {
            HttpStatusCode.Unauthorized => "carved refused the credentials (401): give a valid token with --token or CARVE_TOKEN.",
            HttpStatusCode.Forbidden => "carved denied the request (403): the token's role does not allow it.",
            HttpStatusCode.NotFound => "carved does not know this endpoint (404): is the CLI newer than the daemon?",
            _ => $"carved answered {(int)status} {reason ?? status.ToString()}.",
        };
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
