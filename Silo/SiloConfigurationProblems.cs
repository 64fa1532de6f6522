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
                if (string.IsNullOrEmpty(user.UserName))
                {
                    problems.Add($"{key}:UserName is empty");
                }
                else if (!names.Add(user.UserName))
                {
                    problems.Add($"{key}:UserName '{user.UserName}' appears twice");
                }
                else if (System.Text.Encoding.UTF8.GetByteCount(user.UserName) > 253)
                {
                    problems.Add($"{key}:UserName is longer than a User-Name attribute can carry (253 bytes)");
                }

                if (string.IsNullOrEmpty(user.Password) && string.IsNullOrEmpty(user.NtHash))
                {
                    problems.Add($"{key} has neither Password nor NtHash");
                }

                if (user.Password is { Length: > 128 })
                {
                    problems.Add($"{key}:Password is longer than 128 characters (RFC 2865 §5.2)");
                }

                if (!string.IsNullOrEmpty(user.NtHash) && (user.NtHash.Length != 32 || !user.NtHash.All(char.IsAsciiHexDigit)))
                {
                    problems.Add($"{key}:NtHash must be 32 hex digits");
                }

                if (user.MaxSessions is < 1)
                {
                    problems.Add($"{key}:MaxSessions {user.MaxSessions.Value.ToString(CultureInfo.InvariantCulture)} must be at least 1");
                }

                foreach (var problem in ReplyItems.Problems(user.Reply))
                {
                    problems.Add($"{key}:Reply:{problem}");
                }
            });
        }

        return problems;
    }
}
