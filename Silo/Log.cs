namespace Orleans.Radius.Silo;

/// <summary>The silo host's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message =
        "EMBEDDED DEFAULT: no Valkey:ConnectionString configured. Membership, users, sessions and reminders live in this process's memory only: they are lost when it stops, and no other silo or gateway can join. Set Valkey:ConnectionString for a durable cluster.")]
    public static partial void EmbeddedDefault(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Seeded {Changed} of {Total} configured users into grain state")]
    public static partial void UsersSeeded(ILogger logger, int changed, int total);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Seeding configured users failed; retrying")]
    public static partial void SeedingFailed(ILogger logger, Exception exception);
}
