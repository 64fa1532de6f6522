using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Eap;

/// <summary>Names every problem with the <c>Eap</c> section.</summary>
public sealed class EapOptionsValidator : IValidateOptions<EapOptions>
{
    public ValidateOptionsResult Validate(string? name, EapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var unknown in EapMethodNames.Unknown(options.Methods))
        {
            problems.Add($"Eap:Methods: '{unknown}' is not a method (use {string.Join(", ", EapMethodNames.Default)})");
        }

        if (options.ConversationTimeout < TimeSpan.FromSeconds(1) || options.ConversationTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Eap:ConversationTimeout {options.ConversationTimeout} must be between 1 s and 10 minutes");
        }

        if (options.DrainTimeout < TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"Eap:DrainTimeout {options.DrainTimeout} must be between 0 and 5 minutes");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
