using System.Text.Json;
using System.Text.Json.Serialization;

namespace Carve.Core.Configuration;

/// <summary>Reads the daemon's JSON config file; unknown keys are an error so that typos do not pass silently.</summary>
public static class ConfigFileLoader
{
    public static CarveOptions Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ConfigFileJsonContext.Default.CarveOptions)
                ?? throw new InvalidDataException($"config file {path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config file {path} is not valid: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"config file {path} cannot be read: {e.Message}", e);
        }
    }
}
