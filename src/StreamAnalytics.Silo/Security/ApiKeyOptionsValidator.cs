using Microsoft.Extensions.Options;

namespace StreamAnalytics.Silo.Security;

/// <summary>Refuses blank API keys at start-up: a blank entry is almost always a missing secret, not a real key.</summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var blank = options.Keys
            .Select((key, index) => (key, index))
            .Where(entry => string.IsNullOrWhiteSpace(entry.key))
            .Select(entry => $"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.Keys)}:{entry.index} is blank; set it to a key or remove it.")
            .ToList();
        return blank.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(blank);
    }
}
