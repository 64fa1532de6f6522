using System.Globalization;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Options;
using Orleans.Radius.Grains.Users;
using StackExchange.Redis;

namespace Orleans.Radius.Silo;

/// <summary>Configuration problems only the silo cares about: Valkey, users, dedup and lockout.</summary>
internal static class SiloConfigurationProblems
{
    public static IEnumerable<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();
        var connectionString = configuration[$"{ValkeyOptions.Section}:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                _ = ConfigurationOptions.Parse(connectionString);
            }
            catch (ArgumentException exception)
            {
                problems.Add($"Valkey:ConnectionString is not a valid connection string: {exception.Message}");
            }
        }

        ConfigurationProblems.Bind<DedupOptions>(configuration, DedupOptions.Section, problems, dedup =>
        {
            ConfigurationProblems.Require(
                dedup.Window >= TimeSpan.Zero && dedup.Window <= TimeSpan.FromMinutes(5),
                $"Dedup:Window {dedup.Window} must be between 0 and 5 minutes",
                problems);
            ConfigurationProblems.Require(dedup.MaxEntriesPerGrain is >= 1 and <= 65_536, "Dedup:MaxEntriesPerGrain must be 1–65536", problems);
        });

        ConfigurationProblems.Bind<LockoutOptions>(configuration, LockoutOptions.Section, problems, lockout =>
        {
            ConfigurationProblems.Require(lockout.MaxFailures >= 0, "Lockout:MaxFailures is negative", problems);
            ConfigurationProblems.Require(lockout.Window > TimeSpan.Zero, "Lockout:Window must be above zero", problems);
            ConfigurationProblems.Require(lockout.Duration > TimeSpan.Zero, "Lockout:Duration must be above zero", problems);
        });

        ConfigurationProblems.Bind<AccountingOptions>(configuration, AccountingOptions.Section, problems, accounting =>
        {
            if (new AccountingOptionsValidator().Validate(null, accounting) is { Failed: true } result)
            {
                problems.AddRange(result.Failures.Select(failure => $"Accounting: {failure}"));
            }
        });

        ConfigurationProblems.Bind<EapOptions>(configuration, EapOptions.Section, problems, eap =>
        {
            if (new EapOptionsValidator().Validate(null, eap) is { Failed: true } result)
            {
                problems.AddRange(result.Failures);
            }
        });

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in configuration.GetSection(UserOptions.Section).GetChildren())
        {
            var key = $"Users[{section.Key}]";
            ConfigurationProblems.Bind<UserOptions>(section, problems, key, user =>
            {
                user.Reply = UserReplyConfiguration.Read(section);
                if (!string.IsNullOrEmpty(user.UserName) && !names.Add(user.UserName))
                {
                    problems.Add($"{key}:UserName '{user.UserName}' appears twice");
                }

                problems.AddRange(ForUser(user, key));
            });
        }

        return problems;
    }

    /// <summary>
    /// Problems with one user entry, naming its fields under <paramref name="key"/> ("Users[0]:Password …", or
    /// "Password …" without a key); the rules configuration and the admin API share.
    /// </summary>
    public static IReadOnlyList<string> ForUser(UserOptions user, string key = "")
    {
        var problems = new List<string>();
        var prefix = key.Length == 0 ? "" : key + ":";
        if (string.IsNullOrEmpty(user.UserName))
        {
            problems.Add($"{prefix}UserName is empty");
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(user.UserName) > 253)
        {
            problems.Add($"{prefix}UserName is longer than a User-Name attribute can carry (253 bytes)");
        }

        if (string.IsNullOrEmpty(user.Password) && string.IsNullOrEmpty(user.NtHash))
        {
            problems.Add(key.Length == 0 ? "Password or NtHash is required" : $"{key} has neither Password nor NtHash");
        }

        if (user.Password is { Length: > 128 })
        {
            problems.Add($"{prefix}Password is longer than 128 characters (RFC 2865 §5.2)");
        }

        if (!string.IsNullOrEmpty(user.NtHash) && (user.NtHash.Length != 32 || !user.NtHash.All(char.IsAsciiHexDigit)))
        {
            problems.Add($"{prefix}NtHash must be 32 hex digits");
        }

        if (user.MaxSessions is < 1)
        {
            problems.Add($"{prefix}MaxSessions {user.MaxSessions.Value.ToString(CultureInfo.InvariantCulture)} must be at least 1");
        }

        foreach (var problem in ReplyItems.Problems(user.Reply))
        {
            problems.Add($"{prefix}Reply:{problem}");
        }

        return problems;
    }
}
