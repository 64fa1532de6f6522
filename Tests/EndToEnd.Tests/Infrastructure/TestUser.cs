namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>A user written into the <c>Users</c> section the silos seed from; <paramref name="MaxSessions"/> limits Simultaneous-Use.</summary>
internal sealed record TestUser(string UserName, string Password, IReadOnlyDictionary<string, string>? Reply = null, int? MaxSessions = null);
