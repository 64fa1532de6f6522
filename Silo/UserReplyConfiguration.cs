using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Silo;

/// <summary>
/// Reads a user's <c>Reply</c> section. A tagged item is written "Tunnel-Type:1", but configuration keys
/// split at ':', so it arrives as a section "Tunnel-Type" with a child "1"; the dictionary binder skips such
/// sections without a word. This puts the tag back.
/// </summary>
internal static class UserReplyConfiguration
{
    public static Dictionary<string, string> Read(IConfigurationSection user)
    {
        var reply = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in user.GetSection(nameof(UserOptions.Reply)).GetChildren())
        {
            if (item.Value is not null)
            {
                reply[item.Key] = item.Value;
                continue;
            }

            foreach (var tagged in item.GetChildren())
            {
                // A deeper section is no reply item: kept under its path so validation names it.
                reply[$"{item.Key}:{tagged.Key}"] = tagged.Value ?? "";
            }
        }

        return reply;
    }

    /// <summary>Every configured user with its reply items complete.</summary>
    public static List<UserOptions> ReadUsers(IConfiguration configuration) =>
        [.. configuration.GetSection(UserOptions.Section).GetChildren().Select(section =>
        {
            var user = section.Get<UserOptions>() ?? new UserOptions();
            user.Reply = Read(section);
            return user;
        })];
}
