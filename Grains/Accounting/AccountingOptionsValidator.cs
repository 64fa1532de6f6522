using Microsoft.Extensions.Options;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>Names every problem in the <c>Accounting</c> section at startup.</summary>
public sealed class AccountingOptionsValidator : IValidateOptions<AccountingOptions>
{
    // Orleans reminders cannot be due later than about 49 days (a timer's uint milliseconds).
    private static readonly TimeSpan MaxReminderDelay = TimeSpan.FromDays(45);

    public ValidateOptionsResult Validate(string? name, AccountingOptions options)
    {
        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(options.StreamKey))
        {
            problems.Add("Accounting:StreamKey must not be empty");
        }

        if (options.StreamMaxLength <= 0)
        {
            problems.Add("Accounting:StreamMaxLength must be positive");
        }

        if (!(options.StaleMultiplier >= 1))
        {
            problems.Add("Accounting:StaleMultiplier must be at least 1 (a session is not stale before its next interim is due)");
        }

        if (options.StaleGrace < TimeSpan.Zero)
        {
            problems.Add("Accounting:StaleGrace must not be negative");
        }

        if (options.DefaultInterimInterval <= TimeSpan.Zero)
        {
            problems.Add("Accounting:DefaultInterimInterval must be positive");
        }
        else if (options.StaleAfter(null) > MaxReminderDelay)
        {
            problems.Add("Accounting:DefaultInterimInterval × StaleMultiplier + StaleGrace must be at most 45 days");
        }

        if (options.Retention <= TimeSpan.Zero || options.Retention > MaxReminderDelay)
        {
            problems.Add("Accounting:Retention must be positive and at most 45 days");
        }

        if (options.MinReplicas < 0)
        {
            problems.Add("Accounting:MinReplicas must not be negative");
        }

        if (options.MinReplicas > 0 && (options.ReplicaTimeout <= TimeSpan.Zero || options.ReplicaTimeout > TimeSpan.FromSeconds(5)))
        {
            problems.Add("Accounting:ReplicaTimeout must be positive and at most 5 s (the NAS retransmits meanwhile)");
        }

        if (options.ReaperInterval <= TimeSpan.Zero)
        {
            problems.Add("Accounting:ReaperInterval must be positive");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            problems.Add("Accounting:KeyPrefix must not be empty");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
